import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME } from './name';
import type { AttemptRecord, AuthoredScenario, DraftRecord, ExamSession, InputRecord, Learner, ShiftRun, StoredAssignment, StoredGradebook, StoredReviewCard, XapiRecord } from './types';

export interface Setting {
	key: string;
	value: unknown;
}

export { DB_NAME };

/**
 * Every released schema, oldest first. Never edit a released entry: add a new version with an
 * upgrade function, and add a fixture for the old one to tests/unit/db.test.ts.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string>; upgrade?: (tx: import('dexie').Transaction) => Promise<void> }[] = [
	{
		version: 1,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			settings: 'key'
		}
	},
	{
		// v2: drafts keep a step's unsubmitted work (the schedule book) across reloads.
		version: 2,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]'
		},
		// Nothing to carry over: v1 had no drafts. Recorded so the chain of versions stays explicit.
		upgrade: async () => {}
	},
	{
		// v3: an attempt's inputs are kept together as one record (its log). Importing a semester of
		// work then writes a few thousand records, not tens of thousands. The v2 inputs table stays
		// declared (emptied here) so this upgrade can read it; a later version may drop it.
		version: 3,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			inputLogs: 'attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]'
		},
		upgrade: async (tx) => {
			const old = (await tx.table('inputs').toArray()) as InputRecord[];
			const logs = new Map<string, InputRecord[]>();
			for (const i of old) logs.set(i.attemptId, [...(logs.get(i.attemptId) ?? []), i]);
			await tx.table('inputLogs').bulkAdd([...logs].map(([attemptId, inputs]) => ({ attemptId, inputs: inputs.sort((a, b) => a.seq - b.seq) })));
			await tx.table('inputs').clear();
		}
	},
	{
		// v4: exam prep: practice sets, mock exams and review sessions, and each learner's FSRS cards.
		version: 4,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			inputLogs: 'attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]',
			examSessions: 'id, learnerId',
			reviewCards: '[learnerId+id], learnerId'
		},
		upgrade: async () => {}
	},
	{
		// v5: scenarios an instructor wrote in the app (kept as their source text).
		version: 5,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			inputLogs: 'attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]',
			examSessions: 'id, learnerId',
			reviewCards: '[learnerId+id], learnerId',
			authored: 'id, updatedAt'
		},
		upgrade: async () => {}
	},
	{
		// v6: xAPI reporting: assignments that report to an LRS, and per learner and assignment the
		// launch times and the statement ids the LRS acknowledged.
		version: 6,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			inputLogs: 'attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]',
			examSessions: 'id, learnerId',
			reviewCards: '[learnerId+id], learnerId',
			authored: 'id, updatedAt',
			assignments: 'id',
			xapi: '[learnerId+assignmentId], learnerId'
		},
		// New tables only: nothing earlier to carry over.
		upgrade: async () => {}
	},
	{
		// v7: the gradebook keeps the result files an instructor imported, per assignment, until cleared.
		version: 7,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			inputLogs: 'attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]',
			examSessions: 'id, learnerId',
			reviewCards: '[learnerId+id], learnerId',
			authored: 'id, updatedAt',
			assignments: 'id',
			xapi: '[learnerId+assignmentId], learnerId',
			gradebooks: 'assignmentId, updatedAt'
		},
		// A new table only: every earlier table and record stays as it was.
		upgrade: async () => {}
	},
	{
		// v8: shifts, the office running on a clock: each run's seed, inputs and summary.
		version: 8,
		stores: {
			learners: 'id, name',
			attempts: 'id, learnerId, [learnerId+scenarioId], updatedAt',
			inputs: '[attemptId+seq], attemptId',
			inputLogs: 'attemptId',
			settings: 'key',
			drafts: '[attemptId+stepId]',
			examSessions: 'id, learnerId',
			reviewCards: '[learnerId+id], learnerId',
			authored: 'id, updatedAt',
			assignments: 'id',
			xapi: '[learnerId+assignmentId], learnerId',
			gradebooks: 'assignmentId, updatedAt',
			shiftRuns: 'id, learnerId, updatedAt'
		},
		// A new table only.
		upgrade: async () => {}
	}
];

/** Every input of one attempt, in order: what v3 stores per attempt. */
export interface InputLog {
	attemptId: string;
	inputs: InputRecord[];
}

export class ProgressDb extends Dexie {
	learners!: EntityTable<Learner, 'id'>;
	attempts!: EntityTable<AttemptRecord, 'id'>;
	inputLogs!: EntityTable<InputLog, 'attemptId'>;
	examSessions!: EntityTable<ExamSession, 'id'>;
	reviewCards!: Dexie.Table<StoredReviewCard, [string, string]>;
	authored!: EntityTable<AuthoredScenario, 'id'>;
	assignments!: EntityTable<StoredAssignment, 'id'>;
	xapi!: Dexie.Table<XapiRecord, [string, string]>;
	gradebooks!: EntityTable<StoredGradebook, 'assignmentId'>;
	shiftRuns!: EntityTable<ShiftRun, 'id'>;
	settings!: EntityTable<Setting, 'key'>;
	drafts!: Dexie.Table<DraftRecord, [string, string]>;

	constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		for (const v of SCHEMA_VERSIONS) {
			const declared = this.version(v.version).stores(v.stores);
			if (v.upgrade) declared.upgrade(v.upgrade);
		}
	}
}
