import { z } from '../../zod';
import { hasMarkup, MAX_CRITICAL_CHARS, MAX_ID_CHARS } from '../../limits';

/** Stable ids: lower-case words joined by dashes or dots (never array positions). */
export const Id = z
	.string()
	.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case letters, digits, dashes or dots (e.g. "pt-luis-ramirez")')
	// Progress and result files keep ids up to this length (src/lib/limits.ts).
	.max(MAX_ID_CHARS, `must be at most ${MAX_ID_CHARS} characters (progress and result files keep ids up to ${MAX_ID_CHARS})`);

/**
 * A critical error's text: the attempt's record keeps it, so it meets the record's limits
 * (src/lib/limits.ts): at most 300 characters and no HTML markup.
 */
export const CriticalText = z
	.string()
	.min(3)
	.max(MAX_CRITICAL_CHARS, `a critical error's text must be at most ${MAX_CRITICAL_CHARS} characters (progress and result files keep it up to ${MAX_CRITICAL_CHARS}): shorten it`)
	.refine((s) => !hasMarkup(s), "a critical error's text must not contain HTML markup (progress and result files refuse it): write it as plain text");

/** A YYYY-MM-DD text that names a day of the calendar (2025-02-29 and 2025-13-45 do not). */
export function isCalendarDate(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
/** A date written YYYY-MM-DD that exists: the format is checked first, then the day (one message each). */
export const IsoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
	.refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isCalendarDate(s), 'must be a day of the calendar (month 01-12, a day the month has)');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM');
export const Phone = z.string().regex(/^\(\d{3}\) \d{3}-\d{4}$/, 'must be a phone number written (555) 555-0123');

/**
 * What a step is worth in its scenario's score, whatever its raw points (a claim form checks 40
 * fields, a decision earns 2): the engine scales the step's evidence to this total.
 */
export const StepWeight = z.number().positive().max(50);
