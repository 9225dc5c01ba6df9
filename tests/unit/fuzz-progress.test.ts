/**
 * Fuzzing the progress import (db/transfer.ts, progress-io.ts): arbitrary text and JSON, and every
 * kind of damage to a real export. A refused file names the problem and writes nothing to either
 * store; an accepted one round-trips and loses nothing already stored. Seed: tests/support/fuzz.ts.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, type InputRecord, type Learner, type ProgressStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { exportLearner, importLearner } from '../../src/lib/progress-io';
import { parseProgressFile, type ProgressFile } from '../../src/lib/db/transfer';
import { newCard } from '../../src/lib/exam/review';
import { mustParse, VALID } from './fixtures';
import { announceSeed, fuzzSummary, applyEdit, deepArray, Entries, isSpecific, mutatedTree, prototypesClean, runs, textEdit, toText } from '../support/fuzz';
import { fullSnapshot, lostBetween } from '../support/store-snapshot';

const scenario = mustParse(VALID);
const ana: Learner = { id: 'learner-ana', name: 'Ana Lopez', createdAt: 1_000 };

/** Ana's progress as the app writes it: finished, failed and open attempts, an exam session, review cards. */
async function seeded(store: ProgressStore) {
	await store.putLearner(ana);
	const a = await beginAttempt(store, ana.id, scenario, 11, 2_000);
	const a1 = await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, 3_000);
	await (await recordAnswer(store, a1.record, a1.state, { kind: 'multi-choice', optionIds: ['a', 'c'] }, 4_000)).review;
	const b = await beginAttempt(store, ana.id, scenario, 22, 5_000);
	await (await recordAnswer(store, b.record, b.state, { kind: 'choice', optionId: 'bad' }, 6_000)).review;
	await beginAttempt(store, ana.id, scenario, 33, 7_000);
	await store.putExamSession({ id: 's1', learnerId: ana.id, mode: 'mock', framework: 'cmaa', title: 'Mock exam', itemIds: ['q1', 'q2'], answers: { q1: 'a' }, marked: ['q2'], startedAt: 5, durationMs: 600_000, answeredAt: { q1: 6 } });
	await store.putReviewCards([{ ...newCard('item:q1', 6), learnerId: ana.id }]);
	return store;
}

/** One decision of every kind the file format carries, so mutations reach every branch of the schema. */
const EVERY_KIND: InputRecord['input'][] = [
	{ kind: 'dialogue', replyId: 'acknowledge' },
	{ kind: 'triage', placements: { 'chest-pain': 'er', refill: 'routine' } },
	{ kind: 'triage', order: ['a', 'b', 'c'] },
	{ kind: 'schedule', actions: [{ op: 'book', id: 'n1', patient: 'pt-a', provider: 'prov-x', date: '2026-11-23', start: '09:00', type: 'established-follow-up', minutes: 15, reason: 'Follow-up', repeat: { count: 2, everyDays: 7 } }, { op: 'cancel', id: 'a1', reason: 'Patient called' }], collected: { callback: '555-0134' } },
	{ kind: 'code', diagnoses: ['E11.9'], lines: [{ code: '99214', modifiers: ['25'], units: 1, pointers: 'A' }] },
	{ kind: 'claim', fields: { '1a': 'X123', '21.A': 'E11.9' } },
	{ kind: 'remittance', lines: [{ payment: '55.00', adjustment: '35.00', patient: '25.00' }], balance: '20.00' },
	{ kind: 'verify', actions: { name: 'fix-registration', status: 'ok' }, collect: '75' }
] as InputRecord['input'][];

let sample: ProgressFile;
let sampleText: string;
const dbs: ProgressDb[] = [];
let dbCount = 0;

beforeAll(async () => {
	announceSeed('fuzz-progress');
	const file = await exportLearner(await seeded(new MemoryStore()), ana, 9_000);
	const extra = { ...file.attempts[2]!, id: 'every-kind', startedAt: 8_000, updatedAt: 8_500, inputCount: EVERY_KIND.length };
	sample = {
		...file,
		attempts: [...file.attempts, extra],
		inputs: [...file.inputs, ...EVERY_KIND.map((input, seq) => ({ attemptId: extra.id, seq, stepId: `step-${seq}`, input, at: 8_100 + seq }))]
	};
	sampleText = JSON.stringify(sample);
});
afterAll(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

function freshDexie() {
	const db = new ProgressDb(`fuzz-progress-${++dbCount}`);
	dbs.push(db);
	return { store: new DexieStore(db), db };
}

/** A store that already holds something to lose: another learner, and Ana with part of her work. */
async function occupied(store: ProgressStore) {
	await store.putLearner({ id: 'someone', name: 'Someone', createdAt: 1 });
	await store.setSetting('learner', 'someone');
	await store.putAuthored({ id: 'custom-mine', title: 'Mine', source: '---\nid: custom-mine\n---\n', updatedAt: 1 });
	await store.putLearner(ana);
	const a = await beginAttempt(store, ana.id, scenario, 11, 2_000);
	await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, 3_000);
	await store.putDraft({ attemptId: a.record.id, stepId: 'two', work: { picked: ['a'] }, at: 3_500 });
	return store;
}

/** One path is the other or inside it: the problem named is the damage or lies within it or around it. */
const related = (a: string, b: string) => [a, b].some((x, i) => {
	const y = i ? a : b;
	return x === y || (x.startsWith(y) && /^[.[]/.test(x.slice(y.length)));
});

/** Where a schema problem says it is, as a path like attempts[0].score. */
const wherePath = (p: (string | number)[]) => p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');

/** Validation alone: fast, so it gets most of the runs. */
afterAll(() => fuzzSummary('fuzz-progress'));

describe('progress files: parsing hostile input', () => {
	it('the sample is a valid export (made by the real export code, plus one decision of every kind)', () => {
		const r = parseProgressFile(sampleText);
		expect(r.ok && r.file).toEqual(sample);
	});

	it('never throws on arbitrary text, and any refusal says what is wrong', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? '')), (text) => {
				const r = parseProgressFile(text);
				expect(r.ok).toBe(false);
				if (!r.ok) expect(isSpecific(r.error), r.error).toBe(true);
				expect(prototypesClean()).toBe(true);
			}),
			runs(800)
		);
	});

	it('a damaged export (wrong type, missing, extra, duplicate or prototype key, NaN, huge, deep) is refused by path or accepted whole', () => {
		fc.assert(
			fc.property(mutatedTree(sample), ({ path, tree }) => {
				const text = toText(tree);
				const r = parseProgressFile(text);
				expect(prototypesClean()).toBe(true);
				if (!r.ok) {
					expect(isSpecific(r.error), r.error).toBe(true);
					const at = /has a problem at (\S+?|the top level): /.exec(r.error)?.[1];
					// A schema problem points at the damaged field or one of its parents.
					if (at && at !== 'the top level' && path.length) expect(related(at, wherePath(path)), `${r.error} (damaged ${wherePath(path)})`).toBe(true);
					return;
				}
				// Accepted: the value is what a second parse of its own export gives back.
				const again = parseProgressFile(JSON.stringify(r.file));
				expect(again.ok && again.file).toEqual(r.file);
			}),
			runs(1500)
		);
	});

	it('text damage to an export (flipped, cut, inserted markup or odd unicode, repeated runs) never throws', () => {
		fc.assert(
			fc.property(fc.array(textEdit(sampleText.length), { minLength: 1, maxLength: 3 }), (edits) => {
				const text = edits.reduce(applyEdit, sampleText);
				const r = parseProgressFile(text);
				if (!r.ok) expect(isSpecific(r.error), r.error).toBe(true);
				else expect(parseProgressFile(JSON.stringify(r.file))).toEqual(r);
			}),
			runs(800)
		);
	});

	it('markup in any free-text field is refused, naming the field', () => {
		const texts: { path: (string | number)[]; value: string }[] = [];
		const walk = (x: unknown, p: (string | number)[]) => {
			if (typeof x === 'string') texts.push({ path: p, value: x });
			else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...p, Array.isArray(x) ? Number(k) : k]);
		};
		walk(sample, []);
		expect(texts.length).toBeGreaterThan(40);
		fc.assert(
			fc.property(fc.constantFrom(...texts), fc.constantFrom('<script>x</script>', '<img src=x onerror=alert(1)>', '<svg/onload=alert(1)>', '<!--', '</p>', '<?php'), ({ path }, markup) => {
				const tree = structuredClone(sample) as unknown as Record<string, unknown>;
				const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((x, k) => x[k] as Record<string | number, unknown>, tree);
				parent[path[path.length - 1]!] = `ok ${markup} ok`;
				const r = parseProgressFile(JSON.stringify(tree));
				expect(r.ok, wherePath(path)).toBe(false);
				if (!r.ok) expect(r.error).toContain(wherePath(path));
			}),
			runs(200)
		);
	});

	it('regression: a deeply nested value inside a schedule action is refused by name, not stored', () => {
		const tree = structuredClone(sample) as unknown as { inputs: { input: { actions?: unknown[] } }[] };
		const i = tree.inputs.findIndex((x) => x.input.actions);
		tree.inputs[i]!.input.actions![0] = new Entries([...Object.entries(tree.inputs[i]!.input.actions![0] as object), ['note', deepArray(20_000)]]);
		const r = parseProgressFile(toText(tree));
		expect(r).toMatchObject({ ok: false, error: expect.stringContaining(`inputs[${i}].input`) });
	});
});

describe('progress files: importing hostile input into a store', () => {
	for (const kind of ['memory', 'IndexedDB (Dexie)'] as const) {
		it(`${kind}: a refused file writes nothing; an accepted one loses nothing already stored`, async () => {
			const make = async () => {
				if (kind === 'memory') {
					const store = new MemoryStore();
					return { store: await occupied(store), db: undefined };
				}
				const { store, db } = freshDexie();
				return { store: await occupied(store), db };
			};
			let current = await make();
			let accepted = 0;
			await fc.assert(
				fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: mutatedTree(sample).map((m) => toText(m.tree)) }, { weight: 1, arbitrary: fc.array(textEdit(sampleText.length), { minLength: 1, maxLength: 2 }).map((e) => e.reduce(applyEdit, sampleText)) }, { weight: 1, arbitrary: fc.constant(sampleText) }), async (text) => {
					const before = await fullSnapshot(current.store, current.db);
					const r = await importLearner(current.store, text);
					const after = await fullSnapshot(current.store, current.db);
					if (!r.ok) {
						expect(isSpecific(r.error), r.error).toBe(true);
						expect(after).toEqual(before);
						return;
					}
					accepted++;
					expect(lostBetween(before, after)).toEqual([]);
					// The import is all there: exporting the learner gives back every attempt of the file.
					const back = await exportLearner(current.store, r.learner, 0);
					const parsed = parseProgressFile(text);
					if (parsed.ok) for (const a of parsed.file.attempts) expect(back.attempts.some((b) => b.id === a.id)).toBe(true);
					current = await make();
				}),
				runs(kind === 'memory' ? 300 : 120)
			);
			// The property saw both outcomes: a suite that only ever refused would prove little.
			expect(accepted).toBeGreaterThan(0);
		}, 60_000);
	}
});
