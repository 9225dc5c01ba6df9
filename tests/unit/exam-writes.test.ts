import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, type ExamSession, type ProgressStore, type StoredReviewCard } from '../../src/lib/db';
import { ExamSessionConflict, applyExamChange, sameProgress } from '../../src/lib/exam/changes';
import { ExamWriter, notSavedMessage } from '../../src/lib/exam-writes';
import { isQuotaError as isStorageFull } from '../../src/lib/storage-errors';

let n = 0;
const dbs: Dexie[] = [];
function freshDb(): ProgressDb {
	const db = new ProgressDb(`exam-writes-${++n}`);
	dbs.push(db);
	return db;
}
afterEach(async () => {
	vi.restoreAllMocks();
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

const items = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
const mock = (): ExamSession => ({ id: 'mock-1', learnerId: 'l1', mode: 'mock', framework: 'cmaa', title: 'Mock exam', itemIds: items, answers: {}, marked: [], startedAt: 1, durationMs: 600_000, answeredAt: {} });
const card = (id: string, due = 100): StoredReviewCard => ({ id, learnerId: 'l1', due, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1, last_review: 50 }) as unknown as StoredReviewCard;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** A review card that the store cannot write: copying it throws, as a full disk would on that record. */
function unstorable(id: string, error: () => Error = quota): StoredReviewCard {
	const c = card(id);
	Object.defineProperty(c, 'due', { enumerable: true, get: () => { throw error(); } });
	return c;
}
const answered = (s: ExamSession | undefined) => Object.keys(s?.answers ?? {}).sort();

for (const [name, make] of [
	['IndexedDB (Dexie)', () => new DexieStore(freshDb())],
	['memory fallback', () => new MemoryStore()]
] as [string, () => ProgressStore][]) {
	describe(`exam session writes: ${name}`, () => {
		it('two tabs on one mock exam: the stale tab is refused and told, catches up, and no answer is lost', async () => {
			const store = make();
			await store.putExamSession(mock());
			// Both tabs opened the session while it was empty.
			const tabA = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			const tabB = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			for (const id of items.slice(0, 10)) expect((await tabA.write({ kind: 'answer', itemId: id, option: 'a', at: 10 })).ok).toBe(true);

			const stale = await tabB.write({ kind: 'answer', itemId: 'q11', option: 'b', at: 20 });
			expect(stale.ok).toBe(false);
			expect(!stale.ok && stale.conflict).toBe(true);
			expect(!stale.ok && stale.message).toMatch(/^Your answer was not saved: this exam was changed in another tab or window\. This page now shows what is saved \(10 of 12 answered\)/);
			// The refused write changed nothing; the stale tab now holds what is stored.
			expect(answered(await store.getExamSession('mock-1'))).toEqual(items.slice(0, 10).sort());
			expect(answered(tabB.session)).toEqual(items.slice(0, 10).sort());

			// Made again after catching up, the answer is stored beside the other tab's ten.
			expect((await tabB.write({ kind: 'answer', itemId: 'q11', option: 'b', at: 21 })).ok).toBe(true);
			const stored = (await store.getExamSession('mock-1'))!;
			expect(answered(stored)).toEqual(items.slice(0, 11).sort());
			expect(stored.answers.q11).toBe('b');
			// And now tab A is the stale one.
			const a = await tabA.write({ kind: 'mark', itemId: 'q1', marked: true });
			expect(!a.ok && a.conflict).toBe(true);
			expect((await store.getExamSession('mock-1'))!.marked).toEqual([]);
		});

		it('two tabs writing at the same moment: one is stored, the other refused, nothing overwritten', async () => {
			const store = make();
			await store.putExamSession(mock());
			const start = (await store.getExamSession('mock-1'))!;
			const results = await Promise.allSettled([
				store.updateExamSession(start, { kind: 'answer', itemId: 'q1', option: 'a', at: 5 }),
				store.updateExamSession(start, { kind: 'answer', itemId: 'q2', option: 'c', at: 5 })
			]);
			expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
			const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
			expect(refused.reason).toBeInstanceOf(ExamSessionConflict);
			const kept = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<ExamSession>).value;
			expect(await store.getExamSession('mock-1')).toEqual(kept);
			expect(answered(kept)).toHaveLength(1);
		});

		it("a stale tab's submission is refused; a session submitted elsewhere takes no more answers", async () => {
			const store = make();
			await store.putExamSession(mock());
			const tabA = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			const tabB = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			await tabA.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 2 });
			expect((await tabA.write({ kind: 'submit', at: 3 }, () => [card('item:q2')])).ok).toBe(true);
			const b = await tabB.write({ kind: 'submit', at: 4 }, () => [card('item:q1'), card('item:q2', 999)]);
			expect(!b.ok && b.message).toMatch(/^Your submission was not saved: this exam was submitted in another tab or window/);
			expect(!b.ok && b.session?.submittedAt).toBe(3);
			expect((await store.listReviewCards('l1')).map((c) => [c.id, c.due])).toEqual([['item:q2', 100]]);
			await expect(store.updateExamSession((await store.getExamSession('mock-1'))!, { kind: 'answer', itemId: 'q3', option: 'a', at: 5 })).rejects.toThrow(/already submitted/);
		});

		it('a submission whose review cards cannot be stored (storage full) writes nothing, says so plainly, and a retry stores it', async () => {
			const store = make();
			await store.putExamSession(mock());
			const tab = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			await tab.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 2 });
			const before = await store.getExamSession('mock-1');
			// The third record of the write (session, card, card) fails.
			const failed = await tab.write({ kind: 'submit', at: 9 }, () => [card('item:q2'), unstorable('item:q3')]);
			expect(failed.ok).toBe(false);
			expect(!failed.ok && failed.conflict).toBe(false);
			expect(!failed.ok && failed.message).toMatch(/^Your submission was not saved: the browser's storage is full\. Free some space/);
			// Nothing half-written: not submitted, no card, and the tab still shows what is stored.
			expect(await store.getExamSession('mock-1')).toEqual(before);
			expect(await store.listReviewCards('l1')).toEqual([]);
			expect(tab.session).toEqual(before);
			// Space freed: the same submission goes through.
			const retry = await tab.write({ kind: 'submit', at: 9 }, () => [card('item:q2'), card('item:q3')]);
			expect(retry.ok).toBe(true);
			expect((await store.getExamSession('mock-1'))!.submittedAt).toBe(9);
			expect((await store.listReviewCards('l1')).map((c) => c.id).sort()).toEqual(['item:q2', 'item:q3']);
		});

		it('a write that fails with an AbortError is reported with its reason, and the next write still works', async () => {
			const store = make();
			await store.putExamSession(mock());
			const tab = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			const aborted = await tab.write({ kind: 'submit', at: 9 }, () => [unstorable('item:q1', () => new DOMException('The transaction was aborted.', 'AbortError'))]);
			expect(!aborted.ok && aborted.message).toMatch(/^Your submission was not saved: the browser could not store it \(.*AbortError.*\)\. Try again\.$/s);
			expect((await store.getExamSession('mock-1'))!.submittedAt).toBeUndefined();
			expect((await tab.write({ kind: 'answer', itemId: 'q1', option: 'd', at: 10 })).ok).toBe(true);
			expect((await store.getExamSession('mock-1'))!.answers).toEqual({ q1: 'd' });
		});

		it('the nth write of a sequence failing (storage full) loses none of the earlier answers and keeps the tab in step', async () => {
			const store = make();
			await store.putExamSession(mock());
			// A store whose third exam write fails, as a disk filling up mid-exam would.
			let writes = 0;
			const failing = new Proxy(store, {
				get(target, prop, receiver) {
					const v = Reflect.get(target, prop, receiver);
					if (prop !== 'updateExamSession') return typeof v === 'function' ? v.bind(target) : v;
					return (...args: Parameters<ProgressStore['updateExamSession']>) => (++writes === 3 ? Promise.reject(quota()) : target.updateExamSession(...args));
				}
			});
			const tab = new ExamWriter(failing, (await store.getExamSession('mock-1'))!);
			// Written in quick succession, as fast clicks would: each waits for the one before.
			const results = await Promise.all(items.slice(0, 5).map((id, i) => tab.write({ kind: 'answer', itemId: id, option: 'abcd'[i % 4] as 'a', at: i })));
			expect(results.map((r) => r.ok)).toEqual([true, true, false, true, true]);
			expect(!results[2]!.ok && results[2]!.message).toMatch(/^Your answer was not saved: the browser's storage is full/);
			expect(answered(await store.getExamSession('mock-1'))).toEqual(['q1', 'q2', 'q4', 'q5']);
			expect(tab.session).toEqual(await store.getExamSession('mock-1'));
		});

		it('a change queued before the tab caught up with another is refused too', async () => {
			const store = make();
			await store.putExamSession(mock());
			const tabA = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			const tabB = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			await tabA.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 1 });
			const [first, second] = await Promise.all([tabB.write({ kind: 'answer', itemId: 'q2', option: 'b', at: 2 }), tabB.write({ kind: 'answer', itemId: 'q3', option: 'b', at: 2 })]);
			expect([first.ok, second.ok]).toEqual([false, false]);
			expect(answered(await store.getExamSession('mock-1'))).toEqual(['q1']);
			expect((await tabB.write({ kind: 'answer', itemId: 'q2', option: 'b', at: 3 })).ok).toBe(true);
		});

		it('a session deleted elsewhere is reported as gone', async () => {
			const store = make();
			await store.putExamSession(mock());
			const tab = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
			await store.deleteLearner('l1');
			const r = await tab.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 1 });
			expect(!r.ok && r.session).toBeUndefined();
			expect(!r.ok && r.message).toMatch(/no longer stored/);
		});
	});
}

describe('exam session writes: IndexedDB failing mid-transaction', () => {
	it('the nth put of a submission failing with QuotaExceededError aborts the whole write: nothing half-written, retry works', async () => {
		const store = new DexieStore(freshDb());
		await store.putExamSession(mock());
		const tab = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
		await tab.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 1 });
		const before = await store.getExamSession('mock-1');
		for (const failAt of [1, 2, 3]) {
			// IndexedDB's own put throws on the failAt-th record of the write (the session first, then the cards).
			let puts = 0;
			const put = IDBObjectStore.prototype.put;
			const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
				if (++puts === failAt) throw quota();
				return put.apply(this, args);
			});
			const r = await tab.write({ kind: 'submit', at: 5 }, () => [card('item:q2'), card('item:q3')]);
			spy.mockRestore();
			expect(puts).toBeGreaterThanOrEqual(failAt);
			expect(!r.ok && r.message).toMatch(/^Your submission was not saved: the browser's storage is full/);
			expect(await store.getExamSession('mock-1')).toEqual(before);
			expect(await store.listReviewCards('l1')).toEqual([]);
		}
		expect((await tab.write({ kind: 'submit', at: 5 }, () => [card('item:q2'), card('item:q3')])).ok).toBe(true);
		expect((await store.getExamSession('mock-1'))!.submittedAt).toBe(5);
		expect(await store.listReviewCards('l1')).toHaveLength(2);
	});

	it('an answer whose put fails leaves the earlier answers and the tab in step', async () => {
		const store = new DexieStore(freshDb());
		await store.putExamSession(mock());
		const tab = new ExamWriter(store, (await store.getExamSession('mock-1'))!);
		await tab.write({ kind: 'answer', itemId: 'q1', option: 'a', at: 1 });
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw quota();
		});
		const r = await tab.write({ kind: 'answer', itemId: 'q2', option: 'b', at: 2 });
		vi.restoreAllMocks();
		expect(!r.ok && r.message).toMatch(/^Your answer was not saved: the browser's storage is full/);
		expect((await store.getExamSession('mock-1'))!.answers).toEqual({ q1: 'a' });
		expect((await tab.write({ kind: 'answer', itemId: 'q2', option: 'b', at: 3 })).ok).toBe(true);
		expect((await store.getExamSession('mock-1'))!.answers).toEqual({ q1: 'a', q2: 'b' });
	});
});

describe('exam session changes (pure)', () => {
	it('applies one change to a copy and refuses what a session cannot take, by name', () => {
		const s = mock();
		const a = applyExamChange(s, { kind: 'answer', itemId: 'q2', option: 'c', at: 7 });
		expect(a.answers).toEqual({ q2: 'c' });
		expect(a.answeredAt).toEqual({ q2: 7 });
		expect(s.answers).toEqual({});
		expect(applyExamChange(applyExamChange(a, { kind: 'mark', itemId: 'q2', marked: true }), { kind: 'mark', itemId: 'q2', marked: false }).marked).toEqual([]);
		expect(() => applyExamChange(s, { kind: 'answer', itemId: 'constructor', option: 'a', at: 1 })).toThrow('Item constructor is not part of this exam session.');
		expect(() => applyExamChange({ ...s, submittedAt: 1 }, { kind: 'mark', itemId: 'q1', marked: true })).toThrow(/already submitted/);
		const retitled: ExamSession = { ...s, title: 'other' };
		expect(sameProgress(s, retitled)).toBe(true);
		expect(sameProgress(a, { ...a, answers: { q2: 'c' } })).toBe(true);
		expect(sameProgress(a, { ...a, answeredAt: { q2: 8 } })).toBe(false);
		expect(sameProgress(s, { ...s, submittedAt: 1 })).toBe(false);
	});

	it('recognises a full disk however the browser or Dexie wraps it', () => {
		expect(isStorageFull(quota())).toBe(true);
		expect(isStorageFull({ name: 'AbortError', message: 'Transaction aborted', inner: quota() })).toBe(true);
		expect(isStorageFull(new Error('x', { cause: quota() }))).toBe(true);
		expect(isStorageFull(new DOMException('aborted', 'AbortError'))).toBe(false);
		expect(notSavedMessage('Your answer was not saved', new Error('disk on fire'))).toBe('Your answer was not saved: the browser could not store it (disk on fire). Try again.');
	});
});
