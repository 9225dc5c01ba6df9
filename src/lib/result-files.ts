/**
 * Browser side of opening result files: small ones on the page, big ones in a worker (one, kept
 * while the page is open), each file once. Falls back to the page when workers are not available.
 */
import { openResult, type Opened } from './assign/results';
import ResultWorker from './result-worker?worker';

/** Files at least this big are opened in the worker (a few tens of milliseconds of hashing and parsing on the page). */
export const WORKER_FROM_CHARS = 256 * 1024;

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, (o: Opened) => void>();

function theWorker(): Worker | undefined {
	if (worker || typeof Worker === 'undefined') return worker;
	try {
		worker = new ResultWorker();
	} catch {
		return undefined;
	}
	worker.onmessage = (e: MessageEvent<{ id: number; opened: Opened }>) => {
		waiting.get(e.data.id)?.(e.data.opened);
		waiting.delete(e.data.id);
	};
	// A worker that fails (blocked, out of memory) answers every file still waiting on the page instead.
	worker.onerror = () => {
		worker = undefined;
		for (const resolve of waiting.values()) resolve({ ok: false, error: 'could not be opened (the browser stopped the worker reading it); add it again' });
		waiting.clear();
	};
	return worker;
}

export function openResultFile(text: string, bytes = text.length): Promise<Opened> {
	const w = text.length >= WORKER_FROM_CHARS ? theWorker() : undefined;
	if (!w) return Promise.resolve(openResult(text, bytes));
	const id = next++;
	return new Promise((resolve) => {
		waiting.set(id, resolve);
		w.postMessage({ id, text, bytes });
	});
}
