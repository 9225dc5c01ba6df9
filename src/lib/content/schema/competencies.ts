import { z } from '../../zod';
import { Id } from './common';

export const Competency = z.strictObject({
	id: Id,
	/** A task statement in our own words (never the NHA's wording). */
	statement: z.string().min(10)
});

export const Domain = z.strictObject({
	id: Id,
	name: z.string().min(1),
	/** CMAA: scored items on the exam for this domain. */
	items: z.number().int().positive().optional(),
	/** CEHRS: share of the scored items (0..1). */
	weight: z.number().positive().max(1).optional(),
	competencies: z.array(Competency).min(1)
});

export const Framework = z.strictObject({
	id: Id,
	name: z.string().min(1),
	source: z.string().min(1),
	scoredItems: z.number().int().positive(),
	domains: z.array(Domain).min(1)
});

export const CompetencyFile = z.strictObject({ frameworks: z.array(Framework).min(1) });

export type Competency = z.infer<typeof Competency>;
export type Domain = z.infer<typeof Domain>;
export type Framework = z.infer<typeof Framework>;
export type CompetencyFile = z.infer<typeof CompetencyFile>;
