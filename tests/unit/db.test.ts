import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieStore, MemoryStore, ProgressDb, SCHEMA_VERSIONS, type AttemptRecord, type ProgressStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer, reopenAttempt, resumable } from '../../src/lib/attempts';
import { answer, start } from '../../src/lib/engine';
import { mustParse, VALID } from './fixtures';
import { Assignment } from '../../src/lib/assign/assignment';

const scenario = mustParse(VALID);
let n = 0;
const dbs: Dexie[] = [];
function freshDb(): ProgressDb {
	const db = new ProgressDb(`test-${++n}`);
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

for (const [name, make] of [
	['IndexedDB (Dexie)', () => new DexieStore(freshDb())],
	['memory fallback', () => new MemoryStore()]
] as [string, () => ProgressStore][]) {
	describe(`progress store: ${name}`, () => {
		it('stores each input with the attempt summary, and a reopened attempt equals the live one', async () => {
			const store = make();
			let { record, state } = await beginAttempt(store, 'learner-1', scenario, 1234, 1000);
			({ record, state } = await recordAnswer(store, record, state, { kind: 'choice', optionId: 'good' }, 2000));
			({ record, state } = await recordAnswer(store, record, state, { kind: 'multi-choice', optionIds: ['a'] }, 3000));
			const stored = (await store.getAttempt(record.id))!;
			expect(stored).toMatchObject({ status: 'in-progress', inputCount: 2, earned: 4.67, possible: 6, updatedAt: 3000 });
			expect((await store.getInputs(record.id)).map((i) => i.seq)).toEqual([0, 1]);
			const reopened = await reopenAttempt(store, stored, scenario);
			expect(reopened.ok && reopened.state).toEqual(state);
			expect(resumable(await store.listAttempts('learner-1'), scenario)?.id).toBe(record.id);
		});

		it('finishing writes the final status, score and evidence', async () => {
			const store = make();
			let { record, state } = await beginAttempt(store, 'l', scenario, 1, 1);
			({ record, state } = await recordAnswer(store, record, state, { kind: 'choice', optionId: 'bad' }, 2));
			const stored = (await store.getAttempt(record.id))!;
			expect(stored).toMatchObject({ status: 'failed', finishedAt: 2, critical: ['Disclosed PHI.'] });
			expect(stored.evidence).toEqual([{ competency: 'c.law.disclosure', earned: 0, possible: 2 }]);
			expect(resumable(await store.listAttempts('l'), scenario)).toBeUndefined();
		});

		it('a second write of the same step (another tab) is refused and changes nothing', async () => {
			const store = make();
			const begun = await beginAttempt(store, 'l', scenario, 1, 1);
			const first = await recordAnswer(store, begun.record, begun.state, { kind: 'choice', optionId: 'good' }, 2);
			// A stale tab still holds the attempt as it was before the first answer.
			await expect(recordAnswer(store, begun.record, begun.state, { kind: 'choice', optionId: 'bad' }, 3)).rejects.toThrow();
			expect(await store.getAttempt(begun.record.id)).toEqual(first.record);
			expect(await store.getInputs(begun.record.id)).toHaveLength(1);
		});

		it('an attempt made on another version of the scenario is reported, not replayed', async () => {
			const store = make();
			const begun = await beginAttempt(store, 'l', scenario, 1, 1);
			const changed = mustParse(VALID.replace('What to learn.', 'What to learn, revised.'));
			const r = await reopenAttempt(store, begun.record, changed);
			expect(r.ok).toBe(false);
			expect(!r.ok && r.reason).toMatch(/earlier version/);
			expect(resumable([begun.record], changed)).toBeUndefined();
		});

		it('keeps a step draft until that step is answered with the draft dropped in the same write', async () => {
			const store = make();
			const begun = await beginAttempt(store, 'l', scenario, 1, 1);
			await store.putDraft({ attemptId: begun.record.id, stepId: 'one', work: { actions: [1] }, at: 5 });
			expect((await store.getDraft(begun.record.id, 'one'))?.work).toEqual({ actions: [1] });
			const next = { ...begun.record, inputCount: 1 };
			await store.appendInput({ attemptId: begun.record.id, seq: 0, stepId: 'one', input: { kind: 'choice', optionId: 'good' }, at: 6 }, next, { clearDraft: true });
			expect(await store.getDraft(begun.record.id, 'one')).toBeUndefined();
		});

		it('keeps assignments that report to an LRS, launch times and acknowledged statement ids, and forgets them with the learner', async () => {
			const store = make();
			await store.putLearner({ id: 'l', name: 'Lee', createdAt: 1 });
			const assignment = { format: 'front-desk-simulator/assignment', version: 1, id: 'assign-1234', title: 'Week 1', instructions: '', scenarios: ['s'], custom: [], attemptsAllowed: 3, passMark: 0.8, feedback: 'immediate', randomiseVariants: true, createdAt: 1, xapi: { endpoint: 'https://lrs.example/xapi/', key: 'k', secret: 's' } } as const;
			await store.putAssignment({ id: assignment.id, assignment: { ...assignment, custom: [], scenarios: ['s'], shifts: [] }, savedAt: 2 });
			expect((await store.listAssignments()).map((a) => a.assignment.xapi?.endpoint)).toEqual(['https://lrs.example/xapi/']);
			expect(await store.getXapiRecord('l', assignment.id)).toEqual({ learnerId: 'l', assignmentId: assignment.id, launches: [], acknowledged: [] });
			await store.recordLaunch('l', assignment.id, 10);
			await store.recordLaunch('l', assignment.id, 10);
			await store.recordLaunch('l', assignment.id, 20);
			await Promise.all([store.acknowledgeStatements('l', assignment.id, ['a', 'b']), store.acknowledgeStatements('l', assignment.id, ['b', 'c'])]);
			const r = await store.getXapiRecord('l', assignment.id);
			expect(r.launches).toEqual([10, 20]);
			expect([...r.acknowledged].sort()).toEqual(['a', 'b', 'c']);
			await store.deleteLearner('l');
			expect((await store.getXapiRecord('l', assignment.id)).acknowledged).toEqual([]);
			expect(await store.listAssignments()).toHaveLength(1);
		});

		it('keeps a gradebook per assignment across adds, never a file twice, until it is cleared', async () => {
			const store = make();
			const week = (id: string, title: string) => Assignment.parse({ format: 'front-desk-simulator/assignment', version: 1, id, title, instructions: '', scenarios: ['s'], attemptsAllowed: 2, passMark: 0.8, createdAt: 1 });
			const w3 = week('assign-week-3', 'Week 3');
			const w4 = week('assign-week-4', 'Week 4');
			expect(await store.getGradebook(w3.id)).toBeUndefined();
			await store.addGradebookFiles(w3, [{ name: 'ana.json', text: 'A', bytes: 1 }, { name: 'ben.json', text: 'B', bytes: 1 }], 10);
			await store.addGradebookFiles(w4, [{ name: 'ana.json', text: 'A4', bytes: 2 }], 11);
			// The same file again (even under another name) is not kept twice; a new one is added after the others.
			const after = await store.addGradebookFiles(w3, [{ name: 'ana (1).json', text: 'A', bytes: 1 }, { name: 'cy.json', text: 'C', bytes: 1 }], 12);
			expect(after.files.map((f) => [f.name, f.addedAt])).toEqual([['ana.json', 10], ['ben.json', 10], ['cy.json', 12]]);
			expect(await store.getGradebook(w3.id)).toEqual(after);
			expect((await store.getGradebook(w3.id))!.assignment.title).toBe('Week 3');
			expect((await store.listGradebooks()).map((g) => g.assignmentId)).toEqual([w3.id, w4.id]);
			// Two imports at once (two tabs) both keep their files.
			await Promise.all([store.addGradebookFiles(w4, [{ name: 'x.json', text: 'X', bytes: 1 }], 13), store.addGradebookFiles(w4, [{ name: 'y.json', text: 'Y', bytes: 1 }], 13)]);
			expect((await store.getGradebook(w4.id))!.files.map((f) => f.text).sort()).toEqual(['A4', 'X', 'Y']);
			await store.clearGradebook(w3.id);
			expect(await store.getGradebook(w3.id)).toBeUndefined();
			expect((await store.listGradebooks()).map((g) => g.assignmentId)).toEqual([w4.id]);
		});

		it('keeps learners and settings', async () => {
			const store = make();
			await store.putLearner({ id: 'b', name: 'Bea', createdAt: 1 });
			await store.putLearner({ id: 'a', name: 'Al', createdAt: 2 });
			await store.setSetting('currentLearner', 'b');
			expect((await store.listLearners()).map((l) => l.name)).toEqual(['Al', 'Bea']);
			expect(await store.getSetting('currentLearner')).toBe('b');
		});
	});
}

/** Databases as every released schema version wrote them. Add one for each new version. */
const FIXTURES: Record<number, (db: Dexie) => Promise<void>> = {
	1: async (db) => {
		const state = answer(start(scenario, 77), { kind: 'choice', optionId: 'good' }).state;
		await db.table('learners').add({ id: 'l1', name: 'Ana', createdAt: 1 });
		await db.table('settings').add({ key: 'currentLearner', value: 'l1' });
		const attempt: AttemptRecord = {
			id: 'a1', learnerId: 'l1', scenarioId: scenario.meta.id, contentHash: scenario.hash, seed: 77, startedAt: 1, updatedAt: 2,
			status: 'in-progress', earned: 2, possible: 2, score: 1, critical: [], evidence: state.outcomes[0]!.evidence, inputCount: 1
		};
		await db.table('attempts').add(attempt);
		await db.table('inputs').add({ attemptId: 'a1', seq: 0, stepId: 'one', input: { kind: 'choice', optionId: 'good' }, at: 2 });
	},
	2: async (db) => {
		await FIXTURES[1]!(db);
		await db.table('drafts').add({ attemptId: 'a1', stepId: 'two', work: { optionIds: ['a'] }, at: 3 });
	},
	3: async (db) => {
		const state = answer(start(scenario, 77), { kind: 'choice', optionId: 'good' }).state;
		await db.table('learners').add({ id: 'l1', name: 'Ana', createdAt: 1 });
		await db.table('settings').add({ key: 'currentLearner', value: 'l1' });
		await db.table('attempts').add({
			id: 'a1', learnerId: 'l1', scenarioId: scenario.meta.id, contentHash: scenario.hash, seed: 77, startedAt: 1, updatedAt: 2,
			status: 'in-progress', earned: 2, possible: 2, score: 1, critical: [], evidence: state.outcomes[0]!.evidence, inputCount: 1
		});
		await db.table('inputLogs').add({ attemptId: 'a1', inputs: [{ attemptId: 'a1', seq: 0, stepId: 'one', input: { kind: 'choice', optionId: 'good' }, at: 2 }] });
		await db.table('drafts').add({ attemptId: 'a1', stepId: 'two', work: { optionIds: ['a'] }, at: 3 });
	},
	4: async (db) => {
		await FIXTURES[3]!(db);
		await db.table('examSessions').add({ id: 's1', learnerId: 'l1', mode: 'practice', framework: 'cmaa', title: 'Practice', itemIds: ['q1'], answers: { q1: 'b' }, marked: [], startedAt: 1, answeredAt: { q1: 2 } });
	},
	5: async (db) => {
		await FIXTURES[4]!(db);
		await db.table('authored').add({ id: 'custom-mine', title: 'Mine', source: '---', updatedAt: 4 });
	},
	6: async (db) => {
		await FIXTURES[5]!(db);
		await db.table('assignments').add({ id: 'assign-1234', assignment: { id: 'assign-1234', title: 'Week 1', xapi: { endpoint: 'https://lrs.example/xapi/', key: 'k', secret: 's' } }, savedAt: 5 });
		await db.table('xapi').add({ learnerId: 'l1', assignmentId: 'assign-1234', launches: [5], acknowledged: ['0b0e4c2a-0000-5000-8000-000000000000'] });
	},
	7: async (db) => {
		await FIXTURES[6]!(db);
		await db.table('gradebooks').add({ assignmentId: 'assign-1234', assignment: { id: 'assign-1234', title: 'Week 1' }, files: [{ name: 'ana.json', text: '{"checksum":"0"}', bytes: 16, addedAt: 6 }], updatedAt: 6 });
	},
	8: async (db) => {
		await FIXTURES[7]!(db);
		await db.table('shiftRuns').add({ id: 'r1', learnerId: 'l1', shiftId: 'morning-rush', contentHash: 'h', seed: 5, inputs: [{ kind: 'wait' }], startedAt: 7, updatedAt: 8, status: 'in-progress', score: 0, critical: [], evidence: [] });
	}
};

describe('schema migrations', () => {
	it('has a fixture for every released schema version', () => {
		expect(Object.keys(FIXTURES).map(Number).sort()).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
	});

	for (const v of SCHEMA_VERSIONS) {
		it(`opens a database written by schema version ${v.version} and replays its attempts`, async () => {
			const name = `migrate-${v.version}-${++n}`;
			const old = new Dexie(name);
			for (const earlier of SCHEMA_VERSIONS.filter((x) => x.version <= v.version)) old.version(earlier.version).stores(earlier.stores);
			await old.open();
			await FIXTURES[v.version]!(old);
			old.close();

			const db = new ProgressDb(name);
			dbs.push(db);
			const store = new DexieStore(db);
			expect(await store.listLearners()).toHaveLength(1);
			const attempt = (await store.getAttempt('a1'))!;
			const r = await reopenAttempt(store, attempt, scenario);
			expect(r.ok && r.state.stepId).toBe('two');
			if (v.version >= 2) expect((await store.getDraft('a1', 'two'))?.work).toEqual({ optionIds: ['a'] });
			if (v.version >= 4) expect((await store.listExamSessions('l1')).map((s) => s.id)).toEqual(['s1']);
			if (v.version >= 5) expect((await store.listAuthored()).map((s) => s.id)).toEqual(['custom-mine']);
			if (v.version >= 6) {
				expect((await store.listAssignments()).map((a) => a.id)).toEqual(['assign-1234']);
				expect(await store.getXapiRecord('l1', 'assign-1234')).toMatchObject({ launches: [5], acknowledged: ['0b0e4c2a-0000-5000-8000-000000000000'] });
			}
			expect((await store.listShiftRuns('l1')).map((r) => r.inputs.length)).toEqual(v.version >= 8 ? [1] : []);
			if (v.version >= 7) expect((await store.getGradebook('assign-1234'))?.files.map((f) => f.name)).toEqual(['ana.json']);
			else expect(await store.listGradebooks()).toEqual([]);
			// Whatever the version, the gradebook starts from nothing or from what was kept, and can take more files.
			const kept = await store.addGradebookFiles({ id: 'assign-1234', title: 'Week 1' } as Assignment, [{ name: 'ben.json', text: 'B', bytes: 1 }], 20);
			expect(kept.files.map((f) => f.name)).toEqual(v.version >= 7 ? ['ana.json', 'ben.json'] : ['ben.json']);
			// Whatever the version, reporting starts from nothing or from what was kept, and can go on.
			await store.recordLaunch('l1', 'assign-1234', 9);
			expect((await store.getXapiRecord('l1', 'assign-1234')).launches).toContain(9);
		});
	}
});
