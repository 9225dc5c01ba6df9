export type * from './types';
export { DexieStore } from './dexie-store';
export { MemoryStore } from './memory-store';
export { ProgressDb, SCHEMA_VERSIONS, DB_NAME } from './schema';
export { openStore, type OpenedStore } from './open';
export { ShiftRunConflict } from './shift-conflict';
