import { z } from '../../zod';
import { Id } from './common';

/** One answer option: its text and why it is right or wrong (every option teaches). */
export const ItemOption = z.strictObject({
	id: z.enum(['a', 'b', 'c', 'd']),
	text: z.string().min(1),
	why: z.string().min(10, 'needs a rationale of at least a sentence')
});

/**
 * An exam-style item in our own words, tied to one competency. Never copied from a published exam or
 * prep book. `source` names where its fact comes from (a CFR section, a CMS manual chapter, a code
 * set, the NUCC instructions), or "practice convention" for office practice that no rule fixes.
 */
export const Item = z.strictObject({
	id: Id,
	competency: Id,
	difficulty: z.literal([1, 2, 3]),
	stem: z.string().min(15),
	options: z.array(ItemOption).length(4, 'an item has exactly 4 options'),
	key: z.enum(['a', 'b', 'c', 'd']),
	source: z.string().min(3)
});

export const ItemFile = z.strictObject({ items: z.array(Item).min(1) });

export type Item = z.infer<typeof Item>;
export type ItemOption = z.infer<typeof ItemOption>;
