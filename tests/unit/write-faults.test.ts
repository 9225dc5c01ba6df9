/**
 * Issue 16, proof by fault injection: every write the app makes (each writing method of the
 * ProgressStore, called the way the app calls it), failed at each IndexedDB request it makes, both
 * as a full disk throws (QuotaExceededError) and as a transaction the browser aborts. Each time: the
 * caller gets an error that storage-errors.ts puts in plain words, nothing is half-written (every
 * table as it was), and the same call made again writes exactly what it writes without a fault.
 * Then through the glue that makes several store writes in a row, the nth of them failing.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, type ExamSession, type Learner, type ProgressStore, type StoredReviewCard } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { exportLearner, importLearner } from '../../src/lib/progress-io';
import { keepAssignmentScenario } from '../../src/lib/assignment-scenarios';
import { ExamWriter } from '../../src/lib/exam-writes';
import { isQuotaError, storageProblem } from '../../src/lib/storage-errors';
import { session } from '../../src/lib/session.svelte';
import type { Assignment } from '../../src/lib/assign/assignment';
import { fullSnapshot, type Snapshot } from '../support/store-snapshot';
import { failNthWrite, quotaError } from '../support/failing-store';
import { mustParse, VALID } from './fixtures';

const scenario = mustParse(VALID);
const ana: Learner = { id: 'learner-ana', name: 'Ana', createdAt: 1 };
const cy: Learner = { id: 'learner-cy', name: 'Cy', createdAt: 3 };
const card = (id: string, learnerId = ana.id): StoredReviewCard => ({ id, learnerId, due: 100, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state: 'review', lastReview: 50 }) as unknown as StoredReviewCard;
const exam = (id: string, learnerId = ana.id): ExamSession => ({ id, learnerId, mode: 'mock', framework: 'cmaa', title: 'Mock exam', itemIds: ['q1', 'q2', 'q3'], answers: {}, marked: [], startedAt: 10, durationMs: 600_000, answeredAt: {} });
const assignment = { id: 'asg-1', title: 'Week 1', scenarios: ['s1'], createdAt: 1 } as unknown as Assignment;

let n = 0;
let next = 0;
/** The write about to run draws its generated ids from here, whichever run of it this is. */
const fromId = (k: number) => (next = k);
const dbs: ProgressDb[] = [];
afterEach(async () => {
	vi.restoreAllMocks();
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

/** A store with something in every table: two learners, an attempt with a decision and a draft, an exam, cards, authored work, an assignment, xAPI. */
async function populated(): Promise<{ store: DexieStore; db: ProgressDb; attemptId: string }> {
	// Generated ids in a fixed sequence (see fromId), so two runs of one write leave the same records.
	next = 0;
	vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`);
	const db = new ProgressDb(`write-faults-${++n}`);
	dbs.push(db);
	const store = new DexieStore(db);
	await store.putLearner(ana);
	await store.putLearner({ id: 'learner-bo', name: 'Bo', createdAt: 2 });
	await store.setSetting('currentLearner', ana.id);
	const begun = await beginAttempt(store, ana.id, scenario, 7, 100);
	await recordAnswer(store, begun.record, begun.state, { kind: 'choice', optionId: 'good' }, 200);
	await store.putDraft({ attemptId: begun.record.id, stepId: 'second', work: { half: true }, at: 250 });
	await store.putExamSession(exam('exam-1'));
	await store.putReviewCards([card('item:q9')]);
	await store.putAuthored({ id: 'custom-a', title: 'A', source: '---\nid: custom-a\n---\n', updatedAt: 5 });
	await store.putAssignment({ id: 'asg-1', assignment, savedAt: 5 });
	await store.recordLaunch(ana.id, 'asg-1', 300);
	return { store, db, attemptId: begun.record.id };
}

/** A progress file for a learner this browser has not seen: an attempt, an exam session and a card. */
let cyFile = '';
async function progressFileOfCy(): Promise<string> {
	if (cyFile) return cyFile;
	const other = new MemoryStore();
	await other.putLearner(cy);
	const begun = await beginAttempt(other, cy.id, scenario, 9, 100);
	await recordAnswer(other, begun.record, begun.state, { kind: 'choice', optionId: 'good' }, 200);
	await other.putExamSession({ ...exam('exam-cy', cy.id), id: '11111111-1111-4111-8111-111111111111' });
	await other.putReviewCards([card('item:q1', cy.id), card('item:q2', cy.id)]);
	cyFile = JSON.stringify(await exportLearner(other, cy, 1_000));
	return cyFile;
}

/** Every write the app makes, as the app makes it. */
const WRITES: Record<string, (store: ProgressStore, attemptId: string) => Promise<unknown>> = {
	putLearner: (s) => s.putLearner({ id: 'learner-dee', name: 'Dee', createdAt: 4 }),
	setSetting: (s) => s.setSetting('examDate:learner-ana', '2027-01-01'),
	'createAttempt (beginAttempt)': (s) => beginAttempt(s, ana.id, scenario, 3, 400),
	'appendInput (recordAnswer, dropping the draft)': async (s, id) => {
		const record = (await s.getAttempt(id))!;
		const { replay } = await import('../../src/lib/engine');
		const state = replay(scenario, record.seed, (await s.getInputs(id)).map((i) => i.input));
		// A kind that keeps drafts, so the write also deletes the step's draft.
		return s.appendInput({ attemptId: id, seq: record.inputCount, stepId: state.stepId!, input: { kind: 'multi-choice', optionIds: ['a'] }, at: 500 }, { ...record, inputCount: record.inputCount + 1, updatedAt: 500 }, { clearDraft: true });
	},
	putDraft: (s, id) => s.putDraft({ attemptId: id, stepId: 'second', work: { half: false, more: [1, 2] }, at: 600 }),
	'applyImport (importLearner)': async (s) => {
		const r = await importLearner(s, await progressFileOfCy());
		if (!r.ok) throw Object.assign(new Error(r.error), { result: r });
	},
	deleteLearner: (s) => s.deleteLearner(ana.id),
	putExamSession: (s) => s.putExamSession(exam('exam-2')),
	'updateExamSession (a submission with its cards)': async (s) => {
		const r = await new ExamWriter(s, (await s.getExamSession('exam-1'))!).write({ kind: 'submit', at: 700 }, () => [card('item:q1'), card('item:q2')]);
		if (!r.ok) throw Object.assign(new Error(r.message), { result: r });
	},
	putReviewCards: (s) => s.putReviewCards([card('item:q3'), card('item:q4'), card('item:q5')]),
	'putAuthored (keepAssignmentScenario)': (s) => keepAssignmentScenario(s, { id: 'custom-a', source: '---\nid: custom-a\n---\nother text' }, 'Theirs', 800),
	deleteAuthored: (s) => s.deleteAuthored('custom-a'),
	putAssignment: (s) => s.putAssignment({ id: 'asg-2', assignment: { ...assignment, id: 'asg-2' }, savedAt: 9 }),
	recordLaunch: (s) => s.recordLaunch(ana.id, 'asg-1', 900),
	acknowledgeStatements: (s) => s.acknowledgeStatements(ana.id, 'asg-1', ['st-1', 'st-2'])
};

const normal = (s: Snapshot) => JSON.stringify(s);

type Mode = 'quota' | 'abort';
/**
 * IndexedDB itself failing on the nth request that changes data (put, add, delete, clear, and a
 * cursor's update or delete): as a full disk throws, or by the browser aborting the transaction.
 */
function injectIdbFault(failAt: number, mode: Mode): { requests: () => number; restore: () => void } {
	let count = 0;
	const patched: [object, string, unknown][] = [];
	const patch = (proto: Record<string, unknown>, name: string) => {
		const original = proto[name] as (...a: unknown[]) => IDBRequest;
		patched.push([proto, name, original]);
		proto[name] = function (this: IDBObjectStore | IDBCursor, ...args: unknown[]) {
			if (++count !== failAt) return original.apply(this, args);
			if (mode === 'quota') throw quotaError();
			const request = original.apply(this, args);
			const tx = 'transaction' in this ? this.transaction : (this.source as IDBObjectStore).transaction;
			tx.abort();
			return request;
		};
	};
	const g = globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> }; IDBCursor: { prototype: Record<string, unknown> } };
	for (const m of ['put', 'add', 'delete', 'clear']) patch(g.IDBObjectStore.prototype, m);
	for (const m of ['update', 'delete']) patch(g.IDBCursor.prototype, m);
	return {
		requests: () => count,
		restore: () => {
			for (const [proto, name, original] of patched.reverse()) (proto as Record<string, unknown>)[name] = original;
		}
	};
}

let faultCases = 0;
afterAll(() => console.log(`write-faults: ${faultCases} fault cases ran (${Object.keys(WRITES).length} writes × each IndexedDB request × quota and abort, plus the glue's nth store write)`));

describe('every write, failed at each IndexedDB request it makes', () => {
	for (const [name, write] of Object.entries(WRITES))
		it(`${name}: a plain error, nothing half-written, and the same call again writes what it writes without a fault`, async () => {
			// Without a fault: how many requests the write makes, and what it leaves.
			const clean = await populated();
			const counter = injectIdbFault(Infinity, 'quota');
			fromId(100);
			await write(clean.store, clean.attemptId);
			counter.restore();
			const requests = counter.requests();
			expect(requests, 'the write changes something').toBeGreaterThan(0);
			const expected = normal(await fullSnapshot(clean.store, clean.db));

			for (const mode of ['quota', 'abort'] as const)
				for (let failAt = 1; failAt <= requests; failAt++) {
					faultCases++;
					const { store, db, attemptId } = await populated();
					const before = await fullSnapshot(store, db);
					const fault = injectIdbFault(failAt, mode);
					let error: unknown;
					fromId(100);
					try {
						await write(store, attemptId);
					} catch (e) {
						error = e;
					} finally {
						fault.restore();
					}
					const where = `${mode} at request ${failAt} of ${requests}`;
					expect(error, `${where}: the caller is told`).toBeDefined();
					const message = (error as { result?: { error?: string; message?: string } }).result ? String((error as Error).message) : storageProblem(error);
					expect(message, where).not.toMatch(/undefined|\[object|^\s*$/);
					// Plain words whichever page made the write: storage-errors.ts's, or the exam's own (exam-writes.ts).
					if (mode === 'quota') expect(message, where).toMatch(/^(?:Nothing was imported: )?this browser's storage for the simulator is full|^Your \w+ was not saved: the browser's storage is full/);
					if (mode === 'quota' && !(error as { result?: unknown }).result) expect(isQuotaError(error), where).toBe(true);
					expect(await fullSnapshot(store, db), `${where}: nothing half-written`).toEqual(before);
					// Space again: the same call succeeds and leaves exactly what it leaves without a fault.
					fromId(100);
					await write(store, attemptId);
					expect(normal(await fullSnapshot(store, db)), `${where}: the retry`).toBe(expected);
				}
		}, 60_000);
});

describe("the glue's several writes in a row, the nth failing (a store that refuses one write)", () => {
	it('recording the last answer: a failed answer write stores nothing; a failed review-card write keeps the answer', async () => {
		for (let failAt = 1; failAt <= 2; failAt++) {
			faultCases++;
			const { store, state } = failNthWrite(new MemoryStore());
			const begun = await beginAttempt(store, ana.id, scenario, 1, 1);
			state.failAt = state.writes.length + failAt;
			// The bad option ends the scenario at once: the answer, then its review cards.
			const r = await recordAnswer(store, begun.record, begun.state, { kind: 'choice', optionId: 'bad' }, 2).catch((e: unknown) => e);
			const stored = (await store.getAttempt(begun.record.id))!;
			if (failAt === 1) {
				expect(isQuotaError(r)).toBe(true);
				expect(stored.inputCount).toBe(0);
				expect(await store.getInputs(begun.record.id)).toEqual([]);
			} else {
				await (r as { review?: Promise<void> }).review;
				expect(stored.inputCount).toBe(1);
				expect(stored.status).toBe('failed');
			}
		}
	});

	it('adding a learner: each of its writes failing leaves what is shown equal to what is stored', async () => {
		for (let failAt = 1; failAt <= 2; failAt++) {
			faultCases++;
			const { store, state } = failNthWrite(new MemoryStore());
			await store.putLearner(ana);
			await store.setSetting('currentLearner', ana.id);
			session.store = store;
			session.learners = await store.listLearners();
			session.learner = ana;
			state.failAt = state.writes.length + failAt;
			const err = await session.addLearner('Dee').catch((e: unknown) => e);
			expect(isQuotaError(err)).toBe(true);
			expect(session.learners).toEqual(await store.listLearners());
			expect(session.learner!.id).toBe((await store.getSetting('currentLearner')) ?? ana.id);
		}
	});

	it('opening an assignment link keeps both scenarios or neither', async () => {
		faultCases++;
		const { store, state } = failNthWrite(new MemoryStore());
		await store.putAuthored({ id: 'custom-a', title: 'A', source: 'mine', updatedAt: 1 });
		state.failAt = state.writes.length + 1;
		expect(isQuotaError(await keepAssignmentScenario(store, { id: 'custom-a', source: 'theirs' }, 'T', 2).catch((e: unknown) => e))).toBe(true);
		expect(await store.listAuthored()).toEqual([{ id: 'custom-a', title: 'A', source: 'mine', updatedAt: 1 }]);
		expect((await keepAssignmentScenario(store, { id: 'custom-a', source: 'theirs' }, 'T', 2)).besideOwn).toBe(true);
		expect(await store.listAuthored()).toHaveLength(2);
	});
});

describe('two tabs on different attempts and exam sessions', () => {
	for (const [name, make] of [
		['IndexedDB (Dexie)', async () => (await populated()).store],
		['memory fallback', async () => new MemoryStore()]
	] as [string, () => Promise<ProgressStore>][])
		it(`${name}: interleaved writes from two tabs to different attempts and sessions are all kept, none twice`, async () => {
			const store = await make();
			// Each "tab" holds its own view of its own attempt and session.
			let a = await beginAttempt(store, ana.id, scenario, 1, 1);
			let b = await beginAttempt(store, ana.id, scenario, 2, 1);
			await store.putExamSession(exam('exam-a'));
			await store.putExamSession(exam('exam-b'));
			const tabA = new ExamWriter(store, (await store.getExamSession('exam-a'))!);
			const tabB = new ExamWriter(store, (await store.getExamSession('exam-b'))!);
			const [ra, rb, ea, eb] = await Promise.all([
				recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, 2),
				recordAnswer(store, b.record, b.state, { kind: 'choice', optionId: 'good' }, 2),
				tabA.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 2 }),
				tabB.write({ kind: 'answer', itemId: 'q2', option: 'b', at: 2 })
			]);
			a = ra;
			b = rb;
			expect([ea.ok, eb.ok]).toEqual([true, true]);
			await Promise.all([recordAnswer(store, a.record, a.state, { kind: 'multi-choice', optionIds: ['a'] }, 3), tabA.write({ kind: 'answer', itemId: 'q3', option: 'c', at: 3 }), tabB.write({ kind: 'mark', itemId: 'q2', marked: true })]);
			expect((await store.getInputs(a.record.id)).map((i) => i.seq)).toEqual([0, 1]);
			expect((await store.getInputs(b.record.id)).map((i) => i.seq)).toEqual([0]);
			expect((await store.getExamSession('exam-a'))!.answers).toEqual({ q1: 'a', q3: 'c' });
			expect((await store.getExamSession('exam-b'))!).toMatchObject({ answers: { q2: 'b' }, marked: ['q2'] });
		});
});
