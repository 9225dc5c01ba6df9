import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DexieStore, MemoryStore, ProgressDb, ShiftRunConflict, type ProgressStore } from '../../src/lib/db';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { beginShiftRun, recordShiftInput, reopenShiftRun, resumableRun } from '../../src/lib/shift-runs';
import { play } from '../support/shift-player';
import { exportLearner, importLearner } from '../../src/lib/progress-io';

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

		it('a run travels in the progress file: imported whole, resumable at once, and a second import adds nothing', async () => {
			const from = make();
			const ana = { id: 'learner-ana', name: 'Ana', createdAt: 1 };
			await from.putLearner(ana);
			const { inputs } = play(shift, 5, 'best');
			let { run, state } = await beginShiftRun(from, ana.id, shift, 5, 1);
			for (const input of inputs.slice(0, 9)) ({ run, state } = await recordShiftInput(from, run, state, input, 2));
			const text = JSON.stringify(await exportLearner(from, ana, 3));
			const to = make();
			const r = await importLearner(to, text);
			expect(r.ok && r.shiftRuns).toBe(1);
			const here = resumableRun(await to.listShiftRuns(ana.id), shift)!;
			const reopened = await reopenShiftRun(here, shift);
			expect(reopened.ok && reopened.state).toEqual(state);
			const again = await importLearner(to, text);
			expect(again.ok && again.shiftRuns).toBe(0);
			// Worked further in the first browser, the run is brought up to date by the next import.
			for (const input of inputs.slice(9, 15)) ({ run, state } = await recordShiftInput(from, run, state, input, 4));
			const later = await importLearner(to, JSON.stringify(await exportLearner(from, ana, 5)));
			expect(later.ok && later.shiftRuns).toBe(1);
			expect((await to.getShiftRun(run.id))!.inputs).toHaveLength(15);
		});

		it('a progress file with a damaged shift run is refused by name, and nothing is written', async () => {
			const from = make();
			const ana = { id: 'learner-ana', name: 'Ana', createdAt: 1 };
			await from.putLearner(ana);
			await beginShiftRun(from, ana.id, shift, 5, 1);
			const file = await exportLearner(from, ana, 3);
			const bad = { ...file, shiftRuns: [{ ...file.shiftRuns![0]!, inputs: [{ kind: 'teleport' }] }] };
			const to = make();
			const r = await importLearner(to, JSON.stringify(bad));
			expect(r.ok).toBe(false);
			expect(!r.ok && r.error).toMatch(/shiftRuns\[0\]\.inputs\[0\]/);
			expect(await to.listLearners()).toEqual([]);
			const other = { ...file, shiftRuns: [{ ...file.shiftRuns![0]!, learnerId: 'someone-else' }] };
			const r2 = await importLearner(to, JSON.stringify(other));
			expect(!r2.ok && r2.error).toMatch(/shift run .* belongs to another learner/);
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
