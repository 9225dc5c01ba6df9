/// <reference lib="webworker" />
/**
 * Opens a big result file off the page's thread: hashing and parsing megabytes takes seconds of one
 * long task that would freeze the gradebook. The same openResult the page uses; only where it runs differs.
 */
import { openResult } from './assign/results';

self.onmessage = (e: MessageEvent<{ id: number; text: string; bytes: number }>) => {
	const { id, text, bytes } = e.data;
	(self as unknown as DedicatedWorkerGlobalScope).postMessage({ id, opened: openResult(text, bytes) });
};
