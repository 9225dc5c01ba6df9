/**
 * A failed write to the browser's storage, in plain words for the page that tried it. Pure: it reads
 * only the error's name and message (Dexie wraps the browser's error in `inner`; some wrap it in `cause`).
 */

/** The error and every error it wraps (Dexie's `inner`, a `cause`), a few levels deep. */
function chain(e: unknown, depth = 0): { name?: unknown; message?: unknown }[] {
	if (!e || typeof e !== 'object' || depth > 4) return [];
	const err = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
	return [err, ...chain(err.inner, depth + 1), ...chain(err.cause, depth + 1)];
}

/** True when the browser refused the write because its storage for this site is full. */
export function isQuotaError(e: unknown): boolean {
	return chain(e).some((x) => x.name === 'QuotaExceededError' || (typeof x.message === 'string' && /quota/i.test(x.message)));
}

/** Why nothing was saved, and what to do: ends with a full stop, to follow "X could not be saved: ". */
export function storageProblem(e: unknown): string {
	if (isQuotaError(e))
		return "this browser's storage for the simulator is full, so nothing was saved. Export progress you want to keep and delete learners who no longer need it (on the Learners page), or free space in the browser's site data, then try again.";
	const message = e instanceof Error ? e.message : String(e);
	return `the browser refused to save it (${message}), so nothing was saved. Try again; if it keeps failing, export your progress and reload the page.`;
}
