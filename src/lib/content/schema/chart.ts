/**
 * A patient's electronic health record in the simulated practice (content/office/charts.yaml): what a
 * records desk reads and works in. Fictional data only. Dates are the clinic's (its today is in
 * clinic.yaml); a chart holds what is true on that day.
 */
import { z } from '../../zod';
import { Id, IsoDate } from './common';

const Text = z.string().min(1);
/** A moment in the audit trail: the clinic's local time, to the minute. */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must be a local date and time written YYYY-MM-DDTHH:MM');

export const Problem = z.strictObject({
	/** An ICD-10-CM code (checked against the shipped code set at build), with the practice's wording. */
	code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'must be an ICD-10-CM code written with its dot (E11.9)'),
	description: Text,
	onset: IsoDate.optional(),
	status: z.enum(['active', 'chronic', 'resolved'])
});
export const Medication = z.strictObject({
	name: Text,
	/** The directions as prescribed, in plain words ("1 tablet by mouth twice a day"). */
	sig: Text,
	prescriber: Id,
	started: IsoDate,
	status: z.enum(['active', 'stopped']),
	stopped: IsoDate.optional()
});
export const Allergy = z.strictObject({
	substance: Text,
	reaction: Text,
	severity: z.enum(['mild', 'moderate', 'severe']),
	noted: IsoDate.optional()
});
export const Vitals = z.strictObject({
	date: IsoDate,
	bp: z.string().regex(/^\d{2,3}\/\d{2,3}$/, 'must be written systolic/diastolic (128/82)').optional(),
	pulse: z.number().int().positive().optional(),
	/** Degrees Fahrenheit, as US clinics chart it. */
	tempF: z.number().min(90).max(110).optional(),
	respirations: z.number().int().positive().optional(),
	spo2: z.number().int().min(50).max(100).optional(),
	weightLb: z.number().positive().optional(),
	heightIn: z.number().positive().optional()
});
export const Immunization = z.strictObject({
	vaccine: Text,
	date: IsoDate,
	dose: z.string().optional(),
	lot: z.string().optional(),
	site: z.string().optional(),
	/** administered here; historical (the patient's own record or another clinic's); from the state registry. */
	source: z.enum(['administered', 'historical', 'registry']),
	givenBy: Id.optional()
});
export const Encounter = z.strictObject({
	id: Id,
	date: IsoDate,
	provider: Id,
	type: Id,
	reason: Text,
	/** The signed note, summarised: what a records clerk may read, not interpret. */
	summary: Text
});
/** A booked visit that did not happen (kept visits are encounters): what a no-show report counts. */
export const MissedVisit = z.strictObject({ date: IsoDate, provider: Id, type: Id, status: z.enum(['no-show', 'cancelled']) });
export const Order = z.strictObject({
	id: Id,
	date: IsoDate,
	test: Text,
	orderedBy: Id,
	status: z.enum(['ordered', 'collected', 'resulted', 'cancelled']),
	/** When the result is expected back: an order past this date with no result is overdue. */
	due: IsoDate.optional(),
	performer: z.string().optional()
});
export const Result = z.strictObject({
	id: Id,
	date: IsoDate,
	test: Text,
	orderedBy: Id,
	/** The lab's own flag: the front office never interprets a result, it routes it by this. */
	flag: z.enum(['normal', 'abnormal', 'critical']),
	summary: Text,
	order: Id.optional(),
	reviewedBy: Id.optional(),
	reviewedOn: IsoDate.optional()
});
export const DOCUMENT_TYPES = ['lab-report', 'imaging-report', 'consult-letter', 'discharge-summary', 'consent', 'insurance-card', 'photo-id', 'referral', 'advance-directive', 'records-request', 'correspondence', 'other'] as const;
export const ChartDocument = z.strictObject({
	id: Id,
	/** The date of service the document is about (not the day it was scanned). */
	date: IsoDate,
	type: z.enum(DOCUMENT_TYPES),
	title: Text,
	source: Text
});
export const PortalMessage = z.strictObject({
	id: Id,
	at: LocalDateTime,
	from: Text,
	subject: Text,
	body: Text,
	status: z.enum(['new', 'routed', 'answered'])
});
export const AuditEntry = z.strictObject({
	at: LocalDateTime,
	/** A staff member or provider id. */
	user: Id,
	action: z.enum(['viewed', 'edited', 'printed', 'exported', 'created', 'signed']),
	section: Text
});
/** The accounting of disclosures a patient may ask for (45 CFR 164.528). */
export const DisclosureEntry = z.strictObject({
	date: IsoDate,
	to: Text,
	purpose: Text,
	what: Text,
	authority: Text
});

export const PatientChart = z.strictObject({
	patient: Id,
	/** No known allergies, recorded as asked: different from an empty list nobody asked about. */
	noKnownAllergies: z.boolean().default(false),
	problems: z.array(Problem).default([]),
	medications: z.array(Medication).default([]),
	allergies: z.array(Allergy).default([]),
	vitals: z.array(Vitals).default([]),
	immunizations: z.array(Immunization).default([]),
	encounters: z.array(Encounter).default([]),
	missed: z.array(MissedVisit).default([]),
	orders: z.array(Order).default([]),
	results: z.array(Result).default([]),
	documents: z.array(ChartDocument).default([]),
	messages: z.array(PortalMessage).default([]),
	audit: z.array(AuditEntry).default([]),
	disclosureLog: z.array(DisclosureEntry).default([]),
	advanceDirective: z.string().optional()
});
export const ChartsFile = z.strictObject({ charts: z.array(PatientChart) });

export type PatientChart = z.infer<typeof PatientChart>;
export type Problem = z.infer<typeof Problem>;
export type ChartDocument = z.infer<typeof ChartDocument>;
export type AuditEntry = z.infer<typeof AuditEntry>;
