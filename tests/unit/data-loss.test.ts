/**
 * Issue 16, data loss: nothing stored is overwritten or taken over silently, and a write the browser
 * refuses (a full disk, injected through the ProgressStore interface and through fake-indexeddb) is
 * reported plainly, with nothing shown as saved that was not, and a retry that works.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, type Learner } from '../../src/lib/db';
import { assignmentCopyKey, keepAssignmentScenario } from '../../src/lib/assignment-scenarios';
import { attemptRefusal, beginAttempt } from '../../src/lib/attempts';
import { isQuotaError, storageProblem } from '../../src/lib/storage-errors';
import { session } from '../../src/lib/session.svelte';
import { fullDiskStore, quotaError } from '../support/failing-store';
import { mustParse, VALID } from './fixtures';

const ana: Learner = { id: 'learner-ana', name: 'Ana', createdAt: 1 };
const bob: Learner = { id: 'learner-bob', name: 'Bob', createdAt: 2 };

describe("an assignment's scenario never replaces one kept in this browser", () => {
	const mine = { id: 'custom-call', title: 'My call', source: '---\nid: custom-call\n---\nmy version', updatedAt: 5 };
	const theirs = { id: 'custom-call', source: '---\nid: custom-call\n---\nthe instructor version' };

	it('keeps an authored scenario with the same id and other text as it was, and the assignment version beside it', async () => {
		const store = new MemoryStore();
		await store.putAuthored(mine);
		const kept = await keepAssignmentScenario(store, theirs, 'Their call', 100);
		expect(kept).toEqual({ key: assignmentCopyKey(theirs.id, theirs.source), besideOwn: true });
		expect(kept.key).toMatch(/^custom-call--from-assignment-[0-9a-f]{8}$/);
		expect(await store.getAuthored('custom-call')).toEqual(mine);
		expect(await store.getAuthored(kept.key)).toEqual({ id: kept.key, title: 'Their call (from an assignment)', source: theirs.source, updatedAt: 100 });
		// Opening the link again adds nothing more.
		expect(await keepAssignmentScenario(store, theirs, 'Their call', 200)).toEqual(kept);
		expect((await store.listAuthored()).map((a) => a.id).sort()).toEqual(['custom-call', kept.key]);
		expect((await store.getAuthored(kept.key))!.updatedAt).toBe(100);
	});

	it('uses the id itself when nothing is there, or the same text is', async () => {
		const store = new MemoryStore();
		expect(await keepAssignmentScenario(store, theirs, 'Their call', 100)).toEqual({ key: 'custom-call', besideOwn: false });
		expect((await store.getAuthored('custom-call'))!.source).toBe(theirs.source);
		expect(await keepAssignmentScenario(store, theirs, 'Their call', 200)).toEqual({ key: 'custom-call', besideOwn: false });
		expect(await store.listAuthored()).toHaveLength(1);
	});
});

describe("a learner never answers into another learner's attempt", () => {
	it("refuses the first learner's attempt to the second, naming both", () => {
		const attempt = { learnerId: ana.id, scenarioId: 's1' };
		expect(attemptRefusal(attempt, 's1', ana, [ana, bob])).toBeUndefined();
		expect(attemptRefusal(attempt, 's1', bob, [ana, bob])).toBe(
			"That attempt is Ana's, and you are working as Bob, so it was not opened and nothing was saved to it. To continue it, switch to Ana on the Learners page; or start an attempt of your own."
		);
		expect(attemptRefusal(attempt, 's1', bob, [bob])).toMatch(/^That attempt belongs to another learner, and you are working as Bob/);
		expect(attemptRefusal(undefined, 's1', ana, [ana])).toMatch(/not stored in this browser/);
		expect(attemptRefusal(attempt, 's2', ana, [ana])).toMatch(/not stored in this browser/);
	});
});

describe('a full disk is reported plainly', () => {
	it('recognises the quota error as browsers and Dexie report it', () => {
		expect(isQuotaError(quotaError())).toBe(true);
		expect(isQuotaError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quotaError() }))).toBe(true);
		expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
		expect(storageProblem(quotaError())).toMatch(/^this browser's storage for the simulator is full, so nothing was saved\./);
		expect(storageProblem(new Error('boom'))).toBe('the browser refused to save it (boom), so nothing was saved. Try again; if it keeps failing, export your progress and reload the page.');
	});

	it('adding a learner on a full disk fails with the error, adds and switches no one, and works once there is space', async () => {
		const { store, state } = fullDiskStore();
		await store.putLearner(ana).catch(() => undefined);
		state.full = false;
		await store.putLearner(ana);
		await store.setSetting('currentLearner', ana.id);
		state.full = true;
		session.store = store;
		session.learners = await store.listLearners();
		session.learner = ana;
		const err = await session.addLearner('Jordan').catch((e: unknown) => e);
		expect(isQuotaError(err)).toBe(true);
		expect(session.learners.map((l) => l.name)).toEqual(['Ana']);
		expect(session.learner?.name).toBe('Ana');
		expect((await store.listLearners()).map((l) => l.name)).toEqual(['Ana']);
		// Switching learner stores the choice first: refused, the learner working stays who they were.
		await store.putLearner(bob).catch(() => undefined);
		state.full = false;
		await store.putLearner(bob);
		session.learners = await store.listLearners();
		state.full = true;
		await expect(session.switchTo(bob.id)).rejects.toThrow();
		expect(session.learner?.name).toBe('Ana');
		state.full = false;
		const jordan = await session.addLearner('Jordan');
		expect(session.learner).toEqual(jordan);
		expect(await store.getSetting('currentLearner')).toBe(jordan.id);
	});

	let n = 0;
	afterEach(async () => {
		for (const name of await Dexie.getDatabaseNames()) if (name.startsWith('data-loss-')) await Dexie.delete(name);
	});

	it('through IndexedDB (fake-indexeddb made to refuse writes): the error is recognised and nothing is half-written', async () => {
		const db = new ProgressDb(`data-loss-${++n}`);
		const store = new DexieStore(db);
		await store.putLearner(ana);
		const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } }).IDBObjectStore.prototype;
		const put = proto.put as (...a: unknown[]) => unknown;
		const add = proto.add as (...a: unknown[]) => unknown;
		proto.put = function () {
			throw quotaError();
		};
		proto.add = proto.put;
		try {
			const err = await store.putLearner(bob).catch((e: unknown) => e);
			expect(isQuotaError(err)).toBe(true);
			const scenario = mustParse(VALID);
			const failed = await beginAttempt(store, ana.id, scenario, 1, 10).catch((e: unknown) => e);
			expect(isQuotaError(failed)).toBe(true);
			const deleted = await store.putExamSession({ id: 'x', learnerId: ana.id, mode: 'practice', framework: 'cmaa', title: 'P', itemIds: [], answers: {}, marked: [], startedAt: 1, answeredAt: {} }).catch((e: unknown) => e);
			expect(isQuotaError(deleted)).toBe(true);
		} finally {
			proto.put = put;
			proto.add = add;
		}
		expect((await store.listLearners()).map((l) => l.id)).toEqual([ana.id]);
		expect(await store.listAttempts(ana.id)).toEqual([]);
		expect(await store.listExamSessions(ana.id)).toEqual([]);
		// Space again: the same writes succeed.
		await store.putLearner(bob);
		expect((await store.listLearners()).map((l) => l.id)).toEqual([ana.id, bob.id]);
		db.close();
	});
});
