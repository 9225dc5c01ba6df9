/**
 * The mock exam's clock. Time is measured from the stored start, never counted by the page, so a
 * reload (or a closed laptop) does not give time back and a stale tab cannot stop the clock.
 */
export const EXAM_MINUTES = { cmaa: 135, cehrs: 125 } as const;

/**
 * Minutes allowed for a mock exam of `items` items: the real exam's time for a full-length one, the
 * same time per item for a shorter one. The exam hub and assignments both use it, so they agree.
 */
export function mockExamMinutes(framework: keyof typeof EXAM_MINUTES, items: number, scoredItems: number): number {
	return items === scoredItems ? EXAM_MINUTES[framework] : Math.round((EXAM_MINUTES[framework] * items) / scoredItems);
}

export interface ExamClock {
	startedAt: number;
	durationMs: number;
	/** Set once the exam is submitted, by the learner or at time-out. */
	submittedAt?: number;
}

export function remainingMs(clock: ExamClock, now: number): number {
	const end = clock.startedAt + clock.durationMs;
	return Math.max(0, Math.min(clock.durationMs, end - (clock.submittedAt ?? now)));
}

/** True when the exam must be submitted now: time is up and it is not submitted yet. */
export function mustAutoSubmit(clock: ExamClock, now: number): boolean {
	return clock.submittedAt === undefined && remainingMs(clock, now) === 0;
}

/** "1:05:09" or "12:04": what the timer shows. */
export function formatRemaining(ms: number): string {
	const total = Math.ceil(ms / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const two = (n: number) => String(n).padStart(2, '0');
	return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** The moment an answer counts: answers after time-out are not accepted, even from a stale tab. */
export function acceptsAnswerAt(clock: ExamClock, at: number): boolean {
	return clock.submittedAt === undefined && at < clock.startedAt + clock.durationMs;
}

/** Minutes left at which the learner is warned, largest first. */
export const WARN_AT_MINUTES = [10, 2] as const;

/**
 * The warning for the time left, or '' before the first one. A threshold the exam was shorter than
 * from the start is skipped: a 6-minute exam is not "under 10 minutes" news.
 */
export function timeWarning(clock: ExamClock, now: number): string {
	const left = remainingMs(clock, now);
	if (left === 0 || clock.submittedAt !== undefined) return '';
	const crossed = WARN_AT_MINUTES.filter((m) => clock.durationMs > m * 60_000 && left <= m * 60_000).at(-1);
	if (crossed === undefined) return '';
	return crossed === 2
		? 'Less than 2 minutes left. The exam is submitted by itself when time is up; unanswered items count as wrong.'
		: `Less than ${crossed} minutes left. Answer what is still open, then check the items you marked for review.`;
}
