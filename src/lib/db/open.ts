/**
 * Opening storage, apart from the db index: the browser imports this file alone, so its chunk holds Dexie
 * and the IndexedDB store but not what the index re-exports for tests and tools (the memory store).
 */
import { ProgressDb } from './schema';
import { DexieStore } from './dexie-store';
import type { ProgressStore } from './types';

export interface OpenedStore {
	store: ProgressStore;
	/** Why progress will not be kept after this tab closes, in plain words; absent when all is well. */
	warning?: string;
	persisted: boolean;
}

/** Opens IndexedDB, asks the browser to keep it, and falls back to memory when storage is blocked. */
export async function openStore(): Promise<OpenedStore> {
	try {
		if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
		const db = new ProgressDb();
		await db.open();
		let persisted = false;
		try {
			persisted = (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false);
		} catch {
			persisted = false;
		}
		return { store: new DexieStore(db), persisted };
	} catch {
		// Loaded only here: a browser that lets us save (nearly every visit) never downloads the memory store.
		const { MemoryStore } = await import('./memory-store');
		return {
			store: new MemoryStore(),
			persisted: false,
			warning:
				'This browser is not letting the simulator save (storage is blocked or this is a private window). You can keep working, but your progress will be lost when you close this tab.'
		};
	}
}
