import { z } from '../../zod';

/** Stable ids: lower-case words joined by dashes or dots (never array positions). */
export const Id = z
	.string()
	.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case letters, digits, dashes or dots (e.g. "pt-luis-ramirez")');

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM');
export const Phone = z.string().regex(/^\(\d{3}\) \d{3}-\d{4}$/, 'must be a phone number written (555) 555-0123');

/**
 * What a step is worth in its scenario's score, whatever its raw points (a claim form checks 40
 * fields, a decision earns 2): the engine scales the step's evidence to this total.
 */
export const StepWeight = z.number().positive().max(50);
