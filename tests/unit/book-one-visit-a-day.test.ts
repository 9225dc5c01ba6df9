/**
 * No shipped schedule book has one patient booked twice on one day, unless that is the problem the
 * learner is meant to find: a real front desk would have caught it, and a learner who reads the book
 * carefully should not be left wondering whether it is part of the exercise.
 *
 * The books are the `schedule` steps of every scenario and of every shift task. A book's seed
 * appointments are patient ids, not {{placeholders}}, so a seed cannot change who is on the book; the
 * test still builds each book under every variant a seed can pick (and checks a handful of seeds pick
 * among those), so a later book that does vary by seed is covered without changing this test.
 *
 * A duplicate is deliberate when the content says so the only honest way it can: a task of the step
 * (resolve, cancel or no-show) lists one of the two appointments as what the learner must fix, so the
 * grader expects it fixed.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import type { ResolvedScheduleBlock } from '../../src/lib/content/schema/scenario';
import { fillTemplate } from '../../src/lib/content/template';
import { start } from '../../src/lib/engine/engine';
import { isActive, seedBook } from '../../src/lib/office/schedule';
import { readContentFiles } from '../../scripts/read-content';
import { shippedBooks } from './shipped-books';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const { content, errors } = loadContent(files);
const SEEDS = [1, 2, 3, 7, 42, 1234, 99991];

const sources = shippedBooks(content);

/** The book under one variant: the seed appointments with any {{placeholder}} filled as the variant fills it. */
function bookUnder(block: ResolvedScheduleBlock, variant: Readonly<Record<string, string>>) {
	const appointments = block.appointments.map((a) => ({ ...a, patient: fillTemplate(a.patient, variant) }));
	return seedBook({ ...block, appointments });
}

/** Each patient booked more than once on one day, with the appointments, unless a task names one of them to fix. */
function twiceOnADay(block: ResolvedScheduleBlock, variant: Readonly<Record<string, string>> = {}): string[] {
	const toFix = new Set(block.tasks.filter((t) => t.kind === 'resolve' || t.kind === 'cancel' || t.kind === 'no-show').flatMap((t) => t.appointments ?? []));
	const byDay = new Map<string, string[]>();
	for (const a of bookUnder(block, variant).appointments) {
		if (!isActive(a)) continue;
		const key = `${a.patient} on ${a.date}`;
		byDay.set(key, [...(byDay.get(key) ?? []), a.id]);
	}
	return [...byDay].filter(([, ids]) => ids.length > 1 && !ids.some((id) => toFix.has(id))).map(([key, ids]) => `${key}: ${ids.join(', ')}`);
}

describe('a shipped book has each patient at most once a day', () => {
	it('the content loads, with books to check (the rule is not vacuous)', () => {
		expect(errors).toEqual([]);
		expect(sources.length).toBeGreaterThanOrEqual(10);
	});

	it('the check finds a patient booked twice on one day, and lets a duplicate a task asks to fix stand', () => {
		const { block } = sources.find((s) => s.block.appointments.length >= 2)!;
		const [a, b] = block.appointments;
		const twice = { ...block, appointments: [a!, { ...b!, patient: a!.patient, date: a!.date }] };
		expect(twiceOnADay(twice)).toHaveLength(1);
		const deliberate = { ...twice, tasks: [...block.tasks, { ...block.tasks[0]!, id: 'fix-it', kind: 'resolve' as const, appointments: [b!.id] }] };
		expect(twiceOnADay(deliberate)).toEqual([]);
	});

	it('a seed picks one of the variants checked below', () => {
		for (const { scenario } of sources)
			for (const seed of SEEDS) expect(scenario.meta.variants ?? [{}]).toContainEqual(start(scenario, seed).variant);
	});

	it.each(sources.map((s) => [`${s.where} (${s.step})`, s] as const))('%s', (_, { scenario, block }) => {
		const found = (scenario.meta.variants ?? [{}]).flatMap((v, i) => twiceOnADay(block, v).map((p) => `variant ${i + 1}: ${p}`));
		expect(found).toEqual([]);
	});
});
