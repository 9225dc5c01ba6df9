/**
 * Everything a ProgressStore holds, read around the store's interface (every Dexie table, every map
 * of the memory store), so a test can prove an import wrote nothing or lost nothing. Test code.
 */
import type Dexie from 'dexie';
import { DexieStore, MemoryStore, type ProgressStore } from '../../src/lib/db';

/** Table → primary key (as text) → record. */
export type Snapshot = Record<string, Record<string, unknown>>;

export async function fullSnapshot(store: ProgressStore, db?: Dexie): Promise<Snapshot> {
	const out: Snapshot = {};
	if (store instanceof DexieStore) {
		if (!db) throw new Error('pass the Dexie database the store was opened on');
		for (const table of db.tables) {
			const [keys, rows] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
			out[table.name] = Object.fromEntries(keys.map((k, i) => [JSON.stringify(k), rows[i]]));
		}
	} else if (store instanceof MemoryStore) {
		for (const [name, value] of Object.entries(store)) if (value instanceof Map) out[name] = Object.fromEntries([...value].map(([k, v]) => [JSON.stringify(k), structuredClone(v)]));
	} else throw new Error('unknown store');
	return out;
}

/** Tables whose records an import may never touch; the rest may gain records or be further along. */
const UNTOUCHABLE = new Set(['learners', 'settings', 'drafts', 'authored']);

/** What of `before` is missing or went backwards in `after` (empty when nothing was lost). */
export function lostBetween(before: Snapshot, after: Snapshot): string[] {
	const lost: string[] = [];
	for (const [table, rows] of Object.entries(before)) {
		for (const [key, row] of Object.entries(rows)) {
			const now = after[table]?.[key];
			if (now === undefined) {
				lost.push(`${table} ${key} is gone`);
				continue;
			}
			if (UNTOUCHABLE.has(table) && JSON.stringify(now) !== JSON.stringify(row)) lost.push(`${table} ${key} changed`);
			if (table === 'attempts' && (now as { inputCount: number }).inputCount < (row as { inputCount: number }).inputCount) lost.push(`attempt ${key} lost decisions`);
			// An input log may only grow at its end: the decisions already stored stay as they were.
			const inputsOf = (x: unknown) => (Array.isArray(x) ? x : ((x as { inputs?: unknown[] }).inputs ?? []));
			if (table === 'inputs' || table === 'inputLogs') {
				const was = inputsOf(row);
				const is = inputsOf(now);
				if (is.length < was.length || JSON.stringify(is.slice(0, was.length)) !== JSON.stringify(was)) lost.push(`decisions of ${key} were rewritten`);
			}
		}
	}
	return lost;
}
