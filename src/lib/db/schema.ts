import Dexie, { type EntityTable } from 'dexie';
import type { AttemptRecord, DraftRecord, InputRecord, Learner } from './types';

export interface Setting {
	key: string;
	value: unknown;
}

export const DB_NAME = 'front-desk-simulator';

/**
 * Every released schema, oldest first. Never edit a released entry: add a new version with an
 * upgrade function, and add a fixture for the old one to tests/unit/db-migrations.test.ts.
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
	}
];

export class ProgressDb extends Dexie {
	learners!: EntityTable<Learner, 'id'>;
	attempts!: EntityTable<AttemptRecord, 'id'>;
	inputs!: Dexie.Table<InputRecord, [string, number]>;
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
