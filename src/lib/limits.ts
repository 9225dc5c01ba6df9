/**
 * The limits stored records enforce (progress files, result files: db/transfer.ts, assign/results.ts)
 * and that content must therefore meet (content/schema, content/rules.ts, the author page): one set,
 * so nothing that passes the content check can make a learner's record unreadable. Pure.
 */

/** Every id a record keeps: scenario, step, option, row, item, category and competency ids. */
export const MAX_ID_CHARS = 80;
/** The text of a critical error, kept in the attempt's summary. */
export const MAX_CRITICAL_CHARS = 300;
/** Points in a record: an attempt's earned and possible, and each piece of evidence. */
export const MAX_POINTS = 10_000;

/** The options a learner may pick at once (pick-all) and the items a triage step orders. */
export const MAX_LIST_ITEMS = 50;

/** A tag opening: free text in a record must not hold any (a tag in a progress file is an attack). */
const MARKUP = /<[a-zA-Z!/?]/;
export const hasMarkup = (text: string): boolean => MARKUP.test(text);
