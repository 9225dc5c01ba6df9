/**
 * The `match` interaction: sets of charts in the master patient index that may be one person. For each
 * the learner decides merge (and which MRN survives), keep apart as look-alikes, or overlay (one
 * person's entries in another's chart: the HIM lead's job, not a merge), and corrects the fields that
 * were wrong from the evidence (ID card, registration form).
 */
import { z } from '../../zod';
import { CriticalText, Id, IsoDate, StepWeight } from './common';
import { MATCH_ACTIONS, MPI_FIELDS } from '../match-terms';

const Markdown = z.string().min(1);
const Mrn = z.string().regex(/^\d{6,8}$/, 'an MRN is 6 to 8 digits');

/** One chart as the index lists it. Dates of birth in ISO form: the record may hold a wrong one. */
export const MatchRecord = z.strictObject({
	mrn: Mrn,
	name: z.string().min(1),
	dob: IsoDate,
	sex: z.enum(['F', 'M', 'X', 'U']),
	address: z.string().min(1),
	phone: z.string().min(1),
	memberId: z.string().min(1).optional(),
	ssn4: z.string().regex(/^\d{4}$/, 'the last four digits of the SSN').optional(),
	opened: IsoDate,
	lastVisit: IsoDate.optional(),
	/** What else the chart shows that matters here, e.g. a visit's provider and reason. */
	note: z.string().min(1).optional()
});

/** A source the desk may trust: the ID card, the insurance card, the signed registration form. */
export const MatchEvidence = z.strictObject({ label: z.string().min(1), text: z.string().min(1) });

/** One field to correct: which chart, which field, the values to choose from and the right one(s). */
export const MatchFix = z.strictObject({
	id: Id,
	record: Mrn,
	field: z.enum(MPI_FIELDS),
	options: z.array(z.string().min(1)).min(2).max(6),
	answer: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
	teach: Markdown
});

export const MatchPair = z.strictObject({
	id: Id,
	title: z.string().min(1),
	records: z.array(MatchRecord).min(2).max(3),
	evidence: z.array(MatchEvidence).max(4).default([]),
	/** The key: what the records are, and for a merge the MRN(s) the practice's rule keeps. */
	action: z.enum(MATCH_ACTIONS),
	survivor: z.union([Mrn, z.array(Mrn).min(1)]).optional(),
	fixes: z.array(MatchFix).max(4).default([]),
	/** Why, shown after grading. */
	teach: Markdown,
	/** The critical error for merging these charts, when the default wording does not fit. */
	critical: CriticalText.optional()
});

export const MatchBlock = z.strictObject({
	prompt: Markdown,
	pairs: z.array(MatchPair).min(1).max(8),
	scoring: z
		.strictObject({ identity: Id.default('cehrs.reporting.data-integrity'), fields: Id.default('cehrs.nonclinical.registration') })
		.default({ identity: 'cehrs.reporting.data-integrity', fields: 'cehrs.nonclinical.registration' }),
	next: Id.optional(),
	weight: StepWeight.optional()
});

export type MatchRecord = z.infer<typeof MatchRecord>;
export type MatchFix = z.infer<typeof MatchFix>;
export type MatchPair = z.infer<typeof MatchPair>;
export type MatchBlock = z.infer<typeof MatchBlock>;
