/**
 * Whether this browser holds the app's database, asked with the browser's own IndexedDB API: no Dexie
 * (30 KB gzip) and no database created by asking. When there is none, nothing is stored, so a page has
 * nothing to read and the store can wait for the first write before loading Dexie (lazy.ts).
 */
import { DB_NAME } from './name';

/**
 * True when the database exists (in any version: Dexie opens and upgrades it), false when it does not.
 * Throws when IndexedDB is missing or blocked (then Dexie's open falls back to memory and says so).
 */
export async function databaseExists(factory: IDBFactory | undefined = globalThis.indexedDB, name = DB_NAME): Promise<boolean> {
	if (!factory) throw new Error('no IndexedDB');
	// Where the browser lists its databases, a missing one is not even opened.
	if (typeof factory.databases === 'function') return (await factory.databases()).some((d) => d.name === name);
	return new Promise<boolean>((resolve, reject) => {
		const request = factory.open(name);
		let created = false;
		// Opening without a version creates a missing database: aborting the creation leaves nothing behind.
		request.onupgradeneeded = () => {
			created = true;
			request.transaction!.abort();
		};
		request.onsuccess = () => {
			request.result.close();
			resolve(true);
		};
		request.onerror = (e) => {
			if (!created) return reject(request.error);
			e.preventDefault();
			resolve(false);
		};
	});
}
