/**
 * One set of limits for content and for stored records (src/lib/limits.ts): whatever passes the
 * content check (the build's or the author page's) can be played, exported and graded.
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkAuthored } from '../../src/lib/authoring';
import { MemoryStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { exportLearner } from '../../src/lib/progress-io';
import { parseProgressFile } from '../../src/lib/db/transfer';
import { buildResult, openResult, sealResult } from '../../src/lib/assign/results';
import { strategyInput } from '../../src/lib/engine/test-wiseness';
import { RANDOM, STRATEGIES } from '../../src/lib/content/cues';
import { rng } from '../../src/lib/engine/rng';
import { MAX_CRITICAL_CHARS, MAX_ID_CHARS, MAX_POINTS } from '../../src/lib/limits';

const files = readContentFiles();
const content = loadContent(files).content!;
const shipped = new Set(content.scenarios.map((s) => s.meta.id));
const source = files['content/scenarios/hipaa-caller-says-spouse.md']!.replace('id: hipaa-caller-says-spouse', 'id: custom-caller-says-spouse');
const check = (text: string) => checkAuthored(text, content.world, content.competencies.frameworks, shipped);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the author check refuses what a progress or result file could not keep', () => {
	it('accepts the unchanged scenario (the baseline for the refusals below)', () => {
		expect(check(source).errors).toEqual([]);
	});

	it(`refuses a critical error's text over ${MAX_CRITICAL_CHARS} characters, on its line, saying why`, () => {
		const long = `Read lab results to a caller ${'who is not authorized '.repeat(20)}`.trim();
		expect(long.length).toBeGreaterThan(400);
		const text = source.replace('critical: Read lab results to a caller who is not authorized and not verified.', `critical: ${long}`);
		const r = check(text);
		expect(r.scenario).toBeUndefined();
		const e = r.errors.find((x) => /critical error's text must be at most 300 characters/.test(x.message));
		expect(e, JSON.stringify(r.errors)).toBeDefined();
		expect(e!.message).toMatch(/progress and result files keep it up to 300/);
		expect(e!.line).toBe(lineOf(text, 'critical: Read lab results'));
	});

	it("refuses markup in a critical error's text", () => {
		const r = check(source.replace('critical: Read lab results to a caller who is not authorized and not verified.', 'critical: Read <b>lab results</b> to an unverified caller.'));
		expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/critical error's text must not contain HTML markup/));
	});

	it(`refuses an option id over ${MAX_ID_CHARS} characters`, () => {
		const long = `read-results-${'x'.repeat(80)}`;
		const r = check(source.replace('- id: read-results', `- id: ${long}`));
		expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/must be at most 80 characters \(progress and result files keep ids up to 80\)/));
	});

	it(`refuses a scenario id over ${MAX_ID_CHARS} characters`, () => {
		const r = check(source.replace('id: custom-caller-says-spouse', `id: custom-${'a'.repeat(80)}`));
		expect(r.scenario).toBeUndefined();
		expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/at most 80 characters/));
	});

	it(`refuses a scenario worth over ${MAX_POINTS} points`, () => {
		const text = source.replace(/(\{ cmaa\.law\.release-of-information: )(\d)\/2, cmaa\.communication\.telephone: (\d)\/1 \}/g, (_, head, e) => `${head}${Number(e) * 6000}/12000, cmaa.communication.telephone: 0/1 }`);
		expect(text).not.toBe(source);
		const r = check(text);
		expect(r.scenario).toBeUndefined();
		expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/worth \d+ points together; at most 10000 \(progress and result files keep a score up to 10000 points\)/));
	});
});

describe('every shipped scenario fits the record limits', () => {
	it('attempts by every test-taking strategy export to a progress file and a result file that are accepted', async () => {
		let criticals = 0;
		for (const scenario of content.scenarios) {
			const store = new MemoryStore();
			const learner = { id: 'learner-1', name: 'Student', createdAt: 0 };
			await store.putLearner(learner);
			for (const [n, strategy] of [...STRATEGIES, RANDOM].entries()) {
				const r = rng(n + 1);
				let { record, state } = await beginAttempt(store, learner.id, scenario, n + 1, 1_000);
				for (let guard = 0; state.stepId !== null && guard < 200; guard++) {
					const next = await recordAnswer(store, record, state, strategyInput(state, strategy, r), 2_000 + guard);
					await next.review;
					({ record, state } = next);
				}
				criticals += record.critical.length;
			}
			const file = await exportLearner(store, learner, 9_000);
			const parsed = parseProgressFile(JSON.stringify(file));
			expect(parsed.ok ? 'ok' : parsed.error, scenario.meta.id).toBe('ok');
			const sealed = sealResult(buildResult({ id: 'assignment-1', title: 'All' }, { learnerId: learner.id, name: learner.name }, file.attempts, file.inputs, 9_000));
			const opened = openResult(sealed);
			expect(opened.ok ? 'ok' : opened.error, scenario.meta.id).toBe('ok');
		}
		// The strategies do make mistakes that are critical, so critical texts are in these records.
		expect(criticals).toBeGreaterThan(20);
	}, 120_000);
});
