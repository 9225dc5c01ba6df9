/**
 * The shift clock's plain helpers and the urgency levels, apart from the shift schema (zod), so the
 * engine and the pages that replay shift runs (the desk, My progress) do not load the validator.
 */

export const URGENCIES = ['urgent', 'soon', 'routine'] as const;

/** "08:05" → 485 minutes after midnight. */
export function minutesOf(clock: string): number {
	const [h, m] = clock.split(':').map(Number);
	return h! * 60 + m!;
}

/** 485 → "08:05". */
export function clockOf(minutes: number): string {
	const m = Math.max(0, Math.round(minutes));
	return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
