import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, type Learner, type ProgressStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer, reopenAttempt } from '../../src/lib/attempts';
import { exportLearner, importLearner } from '../../src/lib/progress-io';
import { MAX_PROGRESS_BYTES, PROGRESS_FORMAT, exportFileName } from '../../src/lib/db/transfer';
import { mustParse, VALID } from './fixtures';
import { newCard } from '../../src/lib/exam/review';

const scenario = mustParse(VALID);
const ana: Learner = { id: 'learner-ana', name: 'Ana Lopez', createdAt: 1_000 };
let n = 0;
const dbs: Dexie[] = [];
const freshDexie = () => {
	const db = new ProgressDb(`transfer-${++n}`);
	dbs.push(db);
	return new DexieStore(db);
};
afterEach(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

/** A learner with one finished attempt, one in progress and one just started. */
async function seeded(store: ProgressStore) {
	await store.putLearner(ana);
	let a = await beginAttempt(store, ana.id, scenario, 11, 2_000);
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, 3_000)) };
	const last = await recordAnswer(store, a.record, a.state, { kind: 'multi-choice', optionIds: ['a', 'b'] }, 4_000);
	await last.review;
	a = { ...a, ...last };
	let b = await beginAttempt(store, ana.id, scenario, 22, 5_000);
	const ended = await recordAnswer(store, b.record, b.state, { kind: 'choice', optionId: 'bad' }, 6_000);
	await ended.review;
	b = { ...b, ...ended };
	await beginAttempt(store, ana.id, scenario, 33, 7_000);
	return store;
}

async function snapshot(store: ProgressStore) {
	const learners = await store.listLearners();
	const attempts = (await Promise.all(learners.map((l) => store.listAttempts(l.id)))).flat().sort((x, y) => x.id.localeCompare(y.id));
	const inputs = await store.getInputsOf(attempts.map((a) => a.id));
	return { learners, attempts, inputs };
}

for (const [name, make] of [
	['IndexedDB (Dexie)', freshDexie],
	['memory', () => new MemoryStore()]
] as [string, () => ProgressStore][]) {
	describe(`progress export and import: ${name}`, () => {
		it('round-trips: importing an export on another computer gives back the same progress', async () => {
			const from = await seeded(make());
			const file = await exportLearner(from, ana, 9_000);
			expect(file).toMatchObject({ format: PROGRESS_FORMAT, version: 1, exportedAt: new Date(9_000).toISOString() });
			const to = make();
			const r = await importLearner(to, JSON.stringify(file));
			expect(r).toMatchObject({ ok: true, added: 3, extended: 0, unchanged: 0, decisions: 3 });
			expect(await snapshot(to)).toEqual(await snapshot(from));
			const again = await exportLearner(to, ana, 9_000);
			expect(again).toEqual(file);
		});

		it('is idempotent: a second import of the same file adds nothing', async () => {
			const from = await seeded(make());
			const text = JSON.stringify(await exportLearner(from, ana, 9_000));
			const to = make();
			await importLearner(to, text);
			const before = await snapshot(to);
			expect(await importLearner(to, text)).toMatchObject({ ok: true, added: 0, extended: 0, unchanged: 3, decisions: 0 });
			expect(await snapshot(to)).toEqual(before);
		});

		it('merges: attempts only one side has are kept, and one worked further elsewhere gets the rest', async () => {
			const here = make();
			await here.putLearner(ana);
			const short = await beginAttempt(here, ana.id, scenario, 11, 2_000);
			await recordAnswer(here, short.record, short.state, { kind: 'choice', optionId: 'good' }, 3_000);
			const elsewhere = make();
			await elsewhere.putLearner(ana);
			const first = await exportLearner(here, ana, 9_000);
			await importLearner(elsewhere, JSON.stringify(first));
			const [copy] = await elsewhere.listAttempts(ana.id);
			const reopened = await reopenAttempt(elsewhere, copy!, scenario);
			if (!reopened.ok) throw new Error(reopened.reason);
			await recordAnswer(elsewhere, reopened.record, reopened.state, { kind: 'multi-choice', optionIds: ['a'] }, 8_000);
			await beginAttempt(elsewhere, ana.id, scenario, 44, 8_500);
			const back = await importLearner(here, JSON.stringify(await exportLearner(elsewhere, ana, 9_500)));
			expect(back).toMatchObject({ ok: true, added: 1, extended: 1, unchanged: 0, decisions: 1 });
			const merged = await snapshot(here);
			expect(merged.attempts).toHaveLength(2);
			expect(merged.attempts.find((a) => a.id === short.record.id)?.inputCount).toBe(2);
		});

		it('carries exam prep along: sessions and review cards, newer ones winning on a second import', async () => {
			const from = await seeded(make());
			const session = { id: 's1', learnerId: ana.id, mode: 'practice' as const, framework: 'cmaa', title: 'Practice', itemIds: ['q1', 'q2'], answers: { q1: 'a' as const }, marked: [], startedAt: 5, answeredAt: { q1: 6 } };
			await from.putExamSession(session);
			await from.putReviewCards([{ ...newCard('item:q1', 6), learnerId: ana.id }]);
			// The finished attempt's missed decision is a review card too, besides the item card.
			const cards = await from.listReviewCards(ana.id);
			expect(cards.map((c) => c.id.split(':')[0]).sort()).toEqual(['item', 'step']);
			const to = make();
			const r = await importLearner(to, JSON.stringify(await exportLearner(from, ana, 9_000)));
			expect(r).toMatchObject({ ok: true, examSessions: 1, reviewCards: 2 });
			expect((await to.listReviewCards(ana.id)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(cards.sort((a, b) => a.id.localeCompare(b.id)));
			expect(await to.listExamSessions(ana.id)).toEqual([session]);
			await from.putExamSession({ ...session, answers: { q1: 'a', q2: 'b' }, answeredAt: { q1: 6, q2: 7 } });
			expect(await importLearner(to, JSON.stringify(await exportLearner(from, ana, 9_500)))).toMatchObject({ ok: true, examSessions: 1, reviewCards: 0 });
			expect((await to.listExamSessions(ana.id))[0]!.answers).toEqual({ q1: 'a', q2: 'b' });
		});

		it("refuses a file whose exam session id is another learner's session, by name, and writes nothing", async () => {
			const store = make();
			const bob: Learner = { id: 'learner-bob', name: 'Bob', createdAt: 1 };
			await store.putLearner(bob);
			const bobs = { id: 'shared-session', learnerId: bob.id, mode: 'mock' as const, framework: 'cmaa', title: 'Mock', itemIds: ['q1', 'q2'], answers: { q1: 'a' as const }, marked: [], startedAt: 5, durationMs: 60_000, answeredAt: { q1: 6 } };
			await store.putExamSession(bobs);
			// Ana's file (a new learner here) carries a session with the same id and more answers.
			const file = await exportLearner(await seeded(make()), ana, 9_000);
			file.examSessions = [{ ...bobs, learnerId: ana.id, answers: { q1: 'b', q2: 'c' }, answeredAt: { q1: 7, q2: 8 }, submittedAt: 9 }];
			const r = await importLearner(store, JSON.stringify(file));
			expect(r).toEqual({ ok: false, error: 'exam session shared-session is stored here for another learner; nothing was imported.' });
			expect(await store.getExamSession('shared-session')).toEqual(bobs);
			expect((await store.listLearners()).map((l) => l.id)).toEqual([bob.id]);
			// The store itself refuses such a plan too (another tab may have written the session since the plan was made).
			await expect(store.applyImport({ learnerId: ana.id, newLearner: ana, addAttempts: [], extendAttempts: [], addInputs: [], unchanged: 0, putSessions: file.examSessions, putCards: [], putShiftRuns: [] })).rejects.toThrow(/belongs to another learner/);
			expect(await store.getExamSession('shared-session')).toEqual(bobs);
			expect((await store.listLearners()).map((l) => l.id)).toEqual([bob.id]);
		});

		it("refuses a file whose attempt id is another learner's attempt, by name", async () => {
			const store = make();
			const bob: Learner = { id: 'learner-bob', name: 'Bob', createdAt: 1 };
			await store.putLearner(bob);
			const file = await exportLearner(await seeded(make()), ana, 9_000);
			const taken = file.attempts[0]!;
			await store.createAttempt({ ...taken, learnerId: bob.id, inputCount: 0 });
			const r = await importLearner(store, JSON.stringify(file));
			expect(r).toEqual({ ok: false, error: `attempt ${taken.id} is stored here for another learner; nothing was imported.` });
			expect((await store.getAttempt(taken.id))?.learnerId).toBe(bob.id);
			expect((await store.listLearners()).map((l) => l.id)).toEqual([bob.id]);
		});

		it('deletes a learner with every attempt, decision and draft', async () => {
			const store = await seeded(make());
			const bob: Learner = { id: 'learner-bob', name: 'Bob', createdAt: 1 };
			await store.putLearner(bob);
			const kept = await beginAttempt(store, bob.id, scenario, 5, 10);
			const [one] = await store.listAttempts(ana.id);
			await store.putDraft({ attemptId: one!.id, stepId: 'x', work: {}, at: 1 });
			await store.deleteLearner(ana.id);
			expect((await store.listLearners()).map((l) => l.id)).toEqual([bob.id]);
			expect(await store.listAttempts(ana.id)).toEqual([]);
			expect(await store.getInputsOf([one!.id])).toEqual([]);
			expect(await store.getDraft(one!.id, 'x')).toBeUndefined();
			expect((await store.listAttempts(bob.id)).map((a) => a.id)).toEqual([kept.record.id]);
		});
	});
}

describe('hostile and malformed progress files', () => {
	async function base() {
		return JSON.parse(JSON.stringify(await exportLearner(await seeded(new MemoryStore()), ana, 9_000)));
	}
	type F = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const huge = 'x'.repeat(2_000_000);
	const cases: [string, (f: F) => string | F][] = [
		['empty file', () => ''],
		['not JSON', () => 'hello, world'],
		['truncated', (f) => JSON.stringify(f).slice(0, 500)],
		['a JSON array', () => '[]'],
		['null', () => 'null'],
		['a number', () => '42'],
		['no format', (f) => ({ ...f, format: undefined })],
		['another format', (f) => ({ ...f, format: 'some-other-app' })],
		['version 0', (f) => ({ ...f, version: 0 })],
		['version 2', (f) => ({ ...f, version: 2 })],
		['version as text', (f) => ({ ...f, version: '1' })],
		['no learner', (f) => ({ ...f, learner: undefined })],
		['learner is text', (f) => ({ ...f, learner: 'Ana' })],
		['empty learner name', (f) => ({ ...f, learner: { ...f.learner, name: '   ' } })],
		['huge learner name', (f) => ({ ...f, learner: { ...f.learner, name: huge } })],
		['script tag in the name', (f) => ({ ...f, learner: { ...f.learner, name: '<script>alert(1)</script>' } })],
		['image tag with a handler', (f) => ({ ...f, learner: { ...f.learner, name: '<img src=x onerror=alert(1)>' } })],
		['learner id with spaces', (f) => ({ ...f, learner: { ...f.learner, id: 'a b' } })],
		['learner id too long', (f) => ({ ...f, learner: { ...f.learner, id: 'a'.repeat(500) } })],
		['extra field at the top', (f) => ({ ...f, admin: true })],
		['extra field in the learner', (f) => ({ ...f, learner: { ...f.learner, role: 'instructor' } })],
		['attempts is an object', (f) => ({ ...f, attempts: {} })],
		['inputs is text', (f) => ({ ...f, inputs: 'none' })],
		['attempt with no id', (f) => ({ ...f, attempts: [{ ...f.attempts[0], id: undefined }, ...f.attempts.slice(1)] })],
		['duplicate attempt ids', (f) => ({ ...f, attempts: [f.attempts[0], { ...f.attempts[1], id: f.attempts[0].id }, f.attempts[2]] })],
		['attempt of another learner', (f) => ({ ...f, attempts: [{ ...f.attempts[0], learnerId: 'someone-else' }, ...f.attempts.slice(1)] })],
		['score above 1', (f) => ({ ...f, attempts: [{ ...f.attempts[0], score: 7 }, ...f.attempts.slice(1)] })],
		['negative points', (f) => ({ ...f, attempts: [{ ...f.attempts[0], earned: -3 }, ...f.attempts.slice(1)] })],
		['earned above possible', (f) => ({ ...f, attempts: [{ ...f.attempts[0], earned: 99, possible: 5 }, ...f.attempts.slice(1)] })],
		['evidence earned above possible', (f) => ({ ...f, attempts: [{ ...f.attempts[0], evidence: [{ competency: 'c', earned: 3, possible: 1 }] }, ...f.attempts.slice(1)] })],
		['status unknown', (f) => ({ ...f, attempts: [{ ...f.attempts[0], status: 'hacked' }, ...f.attempts.slice(1)] })],
		['timestamp as text', (f) => ({ ...f, attempts: [{ ...f.attempts[0], startedAt: 'yesterday' }, ...f.attempts.slice(1)] })],
		['timestamp infinite', (f) => JSON.stringify(f).replace(/"startedAt":\d+/, '"startedAt":1e999')],
		['seed negative', (f) => ({ ...f, attempts: [{ ...f.attempts[0], seed: -1 }, ...f.attempts.slice(1)] })],
		['scenario id with a path', (f) => ({ ...f, attempts: [{ ...f.attempts[0], scenarioId: '../../etc/passwd' }, ...f.attempts.slice(1)] })],
		['critical reason with markup', (f) => ({ ...f, attempts: [{ ...f.attempts[0], critical: ['<iframe src=javascript:alert(1)>'] }, ...f.attempts.slice(1)] })],
		['too many decisions counted', (f) => ({ ...f, attempts: [{ ...f.attempts[0], inputCount: 5 }, ...f.attempts.slice(1)] })],
		['decision for a missing attempt', (f) => ({ ...f, inputs: [...f.inputs, { ...f.inputs[0], attemptId: 'ghost' }] })],
		['duplicate decision', (f) => ({ ...f, inputs: [...f.inputs, f.inputs[0]] })],
		['decision numbers with a gap', (f) => ({ ...f, inputs: f.inputs.map((i: F, k: number) => (k === 1 ? { ...i, seq: 5 } : i)) })],
		['decision of an unknown kind', (f) => ({ ...f, inputs: [{ ...f.inputs[0], input: { kind: 'sql', query: 'DROP TABLE' } }, ...f.inputs.slice(1)] })],
		['decision with extra fields', (f) => ({ ...f, inputs: [{ ...f.inputs[0], input: { ...f.inputs[0].input, eval: 'x' } }, ...f.inputs.slice(1)] })],
		['decision with a huge option id', (f) => ({ ...f, inputs: [{ ...f.inputs[0], input: { kind: 'choice', optionId: huge } }, ...f.inputs.slice(1)] })],
		['decision option id is a number', (f) => ({ ...f, inputs: [{ ...f.inputs[0], input: { kind: 'choice', optionId: 7 } }, ...f.inputs.slice(1)] })],
		['decision with a script in a claim item', (f) => ({ ...f, inputs: [{ ...f.inputs[0], input: { kind: 'claim', fields: { '2': '<script>x</script>' } } }, ...f.inputs.slice(1)] })],
		['superbill with 40 lines', (f) => ({ ...f, inputs: [{ ...f.inputs[0], input: { kind: 'code', diagnoses: [], lines: Array.from({ length: 40 }, () => ({ code: '99213', modifiers: [], units: 1, pointers: 'A' })) } }, ...f.inputs.slice(1)] })],
		['prototype pollution key', () => '{"__proto__":{"polluted":true},"format":"front-desk-simulator/progress","version":1}'],
		['deeply nested', () => '['.repeat(5000) + ']'.repeat(5000)],
		['over the size limit', (f) => JSON.stringify({ ...f, exportedAt: 'y'.repeat(10) }) + ' '.repeat(MAX_PROGRESS_BYTES + 1)],
		['byte order mark and garbage', () => '\uFEFF\u0000\u0001{}'],
		['exportedAt huge', (f) => ({ ...f, exportedAt: huge })]
	];

	it(`rejects all ${cases.length} with a message that names the problem, and writes nothing`, async () => {
		expect(cases.length).toBeGreaterThanOrEqual(50);
		const f0 = await base();
		for (const [label, make] of cases) {
			const store = freshDexie();
			await store.putLearner({ id: 'someone', name: 'Someone', createdAt: 1 });
			const before = await snapshot(store);
			const made = make(structuredClone(f0));
			const text = typeof made === 'string' ? made : JSON.stringify(made);
			const r = await importLearner(store, text);
			expect(r.ok, label).toBe(false);
			if (!r.ok) expect(r.error.length, label).toBeGreaterThan(20);
			expect(await snapshot(store), label).toEqual(before);
			expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
		}
	});

	it('names the field at fault', async () => {
		const f = await base();
		const r = await importLearner(new MemoryStore(), JSON.stringify({ ...f, attempts: [{ ...f.attempts[0], score: 7 }, ...f.attempts.slice(1)] }));
		expect(r).toEqual({ ok: false, error: 'The file has a problem at attempts[0].score: Too big: expected number to be <=1.' });
		expect(await importLearner(new MemoryStore(), JSON.stringify({ ...f, version: 2 }))).toEqual({ ok: false, error: 'The file is progress format version 2; this version of the app reads version 1.' });
	});

	it('rolls back an import that fails half-way: nothing of the file is stored', async () => {
		const from = await seeded(new MemoryStore());
		const file = await exportLearner(from, ana, 9_000);
		const store = freshDexie();
		// Another learner here already holds one of the file's attempt ids: the write must fail whole.
		await store.putLearner({ id: 'other', name: 'Other', createdAt: 1 });
		await store.createAttempt({ ...file.attempts[2]!, learnerId: 'other' });
		const before = await snapshot(store);
		const r = await importLearner(store, JSON.stringify(file));
		expect(r.ok).toBe(false);
		expect(await snapshot(store)).toEqual(before);
	});

	it('names the download after the learner and the day', () => {
		expect(exportFileName({ id: 'x', name: 'Ana María López!', createdAt: 0 }, Date.UTC(2026, 10, 25))).toBe('progress-ana-maria-lopez-2026-11-25.json');
	});
});
