/**
 * The `audit` interaction: rows of the EHR's access log and the disclosure log to judge appropriate
 * or not, and for each one that is not, the breach assessment of 45 CFR 164.402 (the exceptions, the
 * four risk factors, the conclusion) and who must be told by when (164.404 to 164.410). Who must be
 * told and by when follow from the row's facts (how many people, a business associate) and the day
 * the practice discovered it; the author keys the judgements.
 */
import { z } from '../../zod';
import { CriticalText, Id, IsoDate, StepWeight } from './common';
import { LocalDateTime } from './chart';
import { MAX_LIST_ITEMS } from '../../limits';
import { AUDIT_REASONS, BREACH_EXCEPTIONS, FINDINGS } from '../audit-terms';

const Reason = z.enum(AUDIT_REASONS);
const Finding = z.enum(FINDINGS);

export const AuditRow = z.strictObject({
	id: Id,
	/** The access audit trail (who opened what) or the disclosure log (what left the practice, to whom). */
	log: z.enum(['access', 'disclosure']),
	at: LocalDateTime,
	/** A staff member or provider id: who opened the chart or sent the disclosure (name and role come from the clinic). */
	user: Id,
	/** A clinic patient id. */
	patient: Id,
	/** What was done, as the log prints it ("Viewed: problem list, medications"; "Faxed"). */
	action: z.string().min(1),
	/** Disclosures: what was disclosed and to whom. */
	what: z.string().min(1).optional(),
	to: z.string().min(1).optional(),
	/** The purpose the log or the user states. */
	purpose: z.string().min(1),
	/** What the privacy officer has learned about this row (Markdown): facts the assessment needs. */
	note: z.string().min(1).optional(),
	/** The key: was it appropriate, and if not, why (one or several reasons are right). */
	appropriate: z.boolean(),
	reason: z.union([Reason, z.array(Reason).min(1)]).optional(),
	/** Not appropriate: the exception of 164.402(1) that applies, if any. */
	exception: z.enum(BREACH_EXCEPTIONS).default('none'),
	/** Not appropriate, no exception: each factor of 164.402(2), and whether it is a breach to notify. */
	factors: z.strictObject({ nature: Finding, person: Finding, viewed: Finding, mitigated: Finding }).optional(),
	breach: z.boolean().optional(),
	/** How many individuals the event concerns, and the most of them living in one state (default: all). */
	affected: z.number().int().positive().default(1),
	inOneState: z.number().int().positive().optional(),
	/** The event happened at a business associate, which must tell the covered entity (164.410). */
	businessAssociate: z.boolean().default(false),
	/** Why, shown after grading (cite the rule). */
	teach: z.string().min(1),
	/** A critical error when this row's breach is missed, if the default wording does not fit. */
	critical: CriticalText.optional()
});

export const AuditBlock = z.strictObject({
	prompt: z.string().min(1),
	/** The day the practice discovered the events (the notification clock starts here, 164.404(a)(2)). */
	discovered: IsoDate,
	rows: z.array(AuditRow).min(2).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} rows (a progress file keeps up to ${MAX_LIST_ITEMS} in one answer)`),
	scoring: z
		.strictObject({ review: Id.default('cehrs.compliance.audit-breach'), breach: Id.default('cehrs.compliance.audit-breach') })
		.default({ review: 'cehrs.compliance.audit-breach', breach: 'cehrs.compliance.audit-breach' }),
	next: Id.optional(),
	weight: StepWeight.optional()
});

/** Names and roles the logs show, copied from the clinic at parse time so the step grades and replays alone. */
export interface AuditContext {
	users: { id: string; name: string; role: string }[];
	patients: { id: string; name: string; dob: string }[];
}

export type AuditRow = z.infer<typeof AuditRow>;
export type AuditBlock = z.infer<typeof AuditBlock>;
export type ResolvedAuditBlock = AuditBlock & { context: AuditContext };
