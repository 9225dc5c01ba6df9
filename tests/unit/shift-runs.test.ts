import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DexieStore, MemoryStore, ProgressDb, ShiftRunConflict, type ProgressStore } from '../../src/lib/db';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { beginShiftRun, recordShiftInput, reopenShiftRun, resumableRun } from '../../src/lib/shift-runs';
import { play } from '../support/shift-player';

const shift = loadContent(readContentFiles()).content!.shifts.find((s) => s.meta.id === 'morning-rush')!;
const dbs: ProgressDb[] = [];
let n = 0;
afterEach(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

for (const [name, make] of [
	['IndexedDB (Dexie)', () => { const db = new ProgressDb(`shift-runs-${++n}`); dbs.push(db); return new DexieStore(db); }],
	['memory fallback', () => new MemoryStore()]
] as [string, () => ProgressStore][]) {
	describe(`shift runs: ${name}`, () => {
		it('a run worked to the end is stored input by input, and reopening it equals the live state', async () => {
			const store = make();
			const { inputs } = play(shift, 11, 'best');
			let { run, state } = await beginShiftRun(store, 'l1', shift, 11, 1);
			for (const [i, input] of inputs.entries()) ({ run, state } = await recordShiftInput(store, run, state, input, 2 + i));
			const stored = (await store.getShiftRun(run.id))!;
			expect(stored.inputs).toHaveLength(inputs.length);
			expect(stored.status).toBe('passed');
			expect(stored.finishedAt).toBeDefined();
			expect(stored.evidence.length).toBeGreaterThan(10);
			const reopened = await reopenShiftRun(stored, shift);
			expect(reopened.ok && reopened.state).toEqual(state);
			expect(resumableRun(await store.listShiftRuns('l1'), shift)).toBeUndefined();
		});

		it('a tab that is behind another one is refused and nothing it did is written', async () => {
			const store = make();
			const first = await beginShiftRun(store, 'l1', shift, 3, 1);
			const tabA = await recordShiftInput(store, first.run, first.state, { kind: 'work', task: first.state.tasks[0]!.key }, 2);
			// Tab B still holds the run as it was before tab A's input.
			await expect(recordShiftInput(store, first.run, first.state, { kind: 'wait' }, 3)).rejects.toBeInstanceOf(ShiftRunConflict);
			const stored = (await store.getShiftRun(first.run.id))!;
			expect(stored.inputs).toEqual(tabA.run.inputs);
			expect(resumableRun(await store.listShiftRuns('l1'), shift)?.id).toBe(first.run.id);
		});

		it('an input the shift refuses writes nothing', async () => {
			const store = make();
			const { run, state } = await beginShiftRun(store, 'l1', shift, 3, 1);
			await expect(recordShiftInput(store, run, state, { kind: 'work', task: 'no-such-task' }, 2)).rejects.toThrow('no task "no-such-task"');
			expect((await store.getShiftRun(run.id))!.inputs).toEqual([]);
		});

		it('a run made on another version of the shift is reported, not replayed, and not offered to resume', async () => {
			const store = make();
			const { run } = await beginShiftRun(store, 'l1', { ...shift, hash: 'old' }, 3, 1);
			const r = await reopenShiftRun((await store.getShiftRun(run.id))!, shift);
			expect(r.ok).toBe(false);
			expect(!r.ok && r.reason).toMatch(/earlier version/);
			expect(resumableRun(await store.listShiftRuns('l1'), shift)).toBeUndefined();
		});

		it('deleting the learner deletes their runs', async () => {
			const store = make();
			await store.putLearner({ id: 'l1', name: 'Ana', createdAt: 1 });
			const { run } = await beginShiftRun(store, 'l1', shift, 3, 1);
			await store.deleteLearner('l1');
			expect(await store.getShiftRun(run.id)).toBeUndefined();
		});
	});
}
