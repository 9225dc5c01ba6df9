/** The database's name, apart from the schema: peek.ts checks for it on every page without downloading Dexie. */
export const DB_NAME = 'front-desk-simulator';
