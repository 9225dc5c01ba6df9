/**
 * Fault injection through the ProgressStore interface: a store whose writes fail as a full disk does
 * (a DOMException named QuotaExceededError), while reads still work. `full = false` frees the space.
 */
import { MemoryStore, type ProgressStore } from '../../src/lib/db';

const WRITES = /^(put|create|append|set|delete|apply|record|acknowledge)/;

export function quotaError(): DOMException {
	return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** The store with `beforeWrite` run before every writing method (it throws to refuse the write). */
function guardWrites(inner: ProgressStore, beforeWrite: (method: string) => void): ProgressStore {
	return new Proxy(inner, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (typeof value !== 'function') return value;
			if (typeof prop === 'string' && WRITES.test(prop))
				return async (...args: unknown[]) => {
					beforeWrite(prop);
					return value.apply(target, args);
				};
			return value.bind(target);
		}
	});
}

export function fullDiskStore(inner: ProgressStore = new MemoryStore()): { store: ProgressStore; state: { full: boolean; refused: string[] } } {
	const state = { full: true, refused: [] as string[] };
	const store = guardWrites(inner, (method) => {
		if (state.full) {
			state.refused.push(method);
			throw quotaError();
		}
	});
	return { store, state };
}

/**
 * A store that refuses one write: the `failAt`-th write call (counted over every writing method, 1-based)
 * throws the full-disk error and changes nothing; every other write goes through. `writes` lists them in order.
 */
export function failNthWrite(inner: ProgressStore = new MemoryStore()): { store: ProgressStore; state: { failAt: number; writes: string[] } } {
	const state = { failAt: 0, writes: [] as string[] };
	const store = guardWrites(inner, (method) => {
		state.writes.push(method);
		if (state.writes.length === state.failAt) throw quotaError();
	});
	return { store, state };
}
