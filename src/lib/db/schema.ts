import Dexie, { type EntityTable } from 'dexie';
import type { AttemptRecord, InputRecord, Learner } from './types';

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
	}
];

export class ProgressDb extends Dexie {
	learners!: EntityTable<Learner, 'id'>;
	attempts!: EntityTable<AttemptRecord, 'id'>;
	inputs!: Dexie.Table<InputRecord, [string, number]>;
	settings!: EntityTable<Setting, 'key'>;

	constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		for (const v of SCHEMA_VERSIONS) {
			const declared = this.version(v.version).stores(v.stores);
			if (v.upgrade) declared.upgrade(v.upgrade);
		}
	}
}
