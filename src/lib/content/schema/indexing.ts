/**
 * The `index` interaction: a stack of scanned and faxed pages to file to the right patient, document
 * type and date of service, or to set aside as a fax meant for another practice.
 */
import { z } from '../../zod';
import { CriticalText, Id, IsoDate, StepWeight } from './common';
import { DOCUMENT_TYPES } from './chart';

const Markdown = z.string().min(1);
export const DocumentType = z.enum(DOCUMENT_TYPES);

/** One page in the stack: what it shows as printed, and how it should be filed. */
export const IndexDocument = z.strictObject({
	id: Id,
	/** How it came in, e.g. "Fax, 11/24/2025 07:12, from (555) 014-2290" or "Scanned at the front desk". */
	received: z.string().min(1),
	/** The letterhead or sender as printed. */
	from: z.string().min(1),
	/** The page's heading as printed. */
	title: z.string().min(1),
	/** The patient's name and date of birth as printed: outside pages misspell and mistype them. */
	name: z.string().min(1),
	dob: z.string().min(1),
	/** The rest of the page (Markdown): dates, findings, who it is addressed to. */
	body: Markdown,
	/** The key for a page that is ours: the patient, and the type(s) and date(s) of service that are right. */
	patient: Id.optional(),
	type: z.union([DocumentType, z.array(DocumentType).min(1)]).optional(),
	date: z.union([IsoDate, z.array(IsoDate).min(1)]).optional(),
	/** A fax meant for another practice: a possible breach to hand to the privacy officer, not a filing job. */
	misdirected: z.boolean().default(false),
	/** Why it goes where it goes, shown after grading. */
	teach: Markdown,
	/** The critical error for filing it to the wrong chart, when the default wording does not fit. */
	critical: CriticalText.optional()
});

export const IndexBlock = z.strictObject({
	prompt: Markdown,
	documents: z.array(IndexDocument).min(2).max(20),
	scoring: z
		.strictObject({ filing: Id.default('cehrs.clinical.scanning-indexing'), misdirected: Id.default('cehrs.compliance.audit-breach') })
		.default({ filing: 'cehrs.clinical.scanning-indexing', misdirected: 'cehrs.compliance.audit-breach' }),
	next: Id.optional(),
	weight: StepWeight.optional()
});

/** The roster the learner searches, copied into the step at parse time so grading and replay stand alone. */
export interface IndexContext {
	patients: { id: string; firstName: string; lastName: string; preferredName?: string; dob: string }[];
}
export type IndexDocument = z.infer<typeof IndexDocument>;
export type IndexBlock = z.infer<typeof IndexBlock>;
export type ResolvedIndexBlock = IndexBlock & { context: IndexContext };
