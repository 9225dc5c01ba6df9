/**
 * Document types as the records desk names them, and an index page's accepted answers. Pure and
 * free of zod (types only), so the player and the graders load no schema code.
 */
import type { DOCUMENT_TYPES } from '../content/schema/chart';
import type { IndexDocument } from '../content/schema/indexing';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
	'lab-report': 'Lab report',
	'imaging-report': 'Imaging report',
	'consult-letter': 'Consult letter',
	'discharge-summary': 'Hospital discharge summary',
	consent: 'Consent form',
	'insurance-card': 'Insurance card',
	'photo-id': 'Photo ID',
	referral: 'Referral',
	'advance-directive': 'Advance directive',
	'records-request': 'Records request',
	correspondence: 'Correspondence',
	other: 'Other'
};

/** The accepted answers, as lists (an author may give one or several). */
export const acceptedTypes = (d: IndexDocument): DocumentType[] => (d.type === undefined ? [] : Array.isArray(d.type) ? d.type : [d.type]);
export const acceptedDates = (d: IndexDocument): string[] => (d.date === undefined ? [] : Array.isArray(d.date) ? d.date : [d.date]);
