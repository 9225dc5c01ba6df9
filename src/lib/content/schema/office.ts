import { z } from '../../zod';
import { ClockTime, Id, IsoDate, Phone } from './common';

const Address = z.strictObject({
	street: z.string().min(1),
	city: z.string().min(1),
	state: z.string().regex(/^[A-Z]{2}$/),
	zip: z.string().regex(/^\d{5}$/)
});

export const Room = z.strictObject({
	id: Id,
	name: z.string().min(1),
	kind: z.enum(['exam', 'procedure', 'lab', 'imaging', 'telehealth', 'office'])
});

export const Policy = z.strictObject({
	title: z.string().min(3),
	text: z.string().min(1)
});

export const Clinic = z.strictObject({
	id: Id,
	name: z.string().min(1),
	address: Address,
	phone: Phone,
	fax: Phone,
	npi: z.string().regex(/^\d{10}$/),
	taxId: z.string().regex(/^\d{2}-\d{7}$/),
	/** The simulated "today": scenarios happen on or around this date; ages are computed from it. */
	today: IsoDate,
	hours: z.string().min(1),
	rooms: z.array(Room).min(1),
	/** Days the whole practice is closed (holidays): nothing may be booked on them. */
	closedDays: z.array(z.strictObject({ date: IsoDate, reason: z.string().min(1) })).default([]),
	/** The office policy binder: each policy with the title a reader looks for and its text. */
	policies: z.record(z.string(), Policy)
});

export const BLOCK_KINDS = ['office', 'lunch', 'blocked', 'procedure', 'physicals', 'telehealth', 'hospital', 'admin'] as const;
export const BlockKind = z.enum(BLOCK_KINDS);

const Block = z.strictObject({
	start: ClockTime,
	end: ClockTime,
	kind: BlockKind,
	note: z.string().optional()
});

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const Provider = z.strictObject({
	id: Id,
	name: z.string().min(1),
	credentials: z.enum(['MD', 'DO', 'NP', 'PA-C', 'RN']),
	specialty: z.string().min(1),
	npi: z.string().regex(/^\d{10}$/),
	pronouns: z.string().optional(),
	languages: z.array(z.string()).default(['English']),
	template: z.partialRecord(Weekday, z.array(Block)),
	/** Appointment types this schedule takes; absent means every type. */
	sees: z.array(Id).optional(),
	notes: z.string().optional()
});

export const StaffMember = z.strictObject({
	id: Id,
	name: z.string().min(1),
	role: z.string().min(1),
	extension: z.string().regex(/^\d{3}$/),
	notes: z.string().optional()
});

export const Plan = z.strictObject({
	id: Id,
	name: z.string().min(1),
	copayPrimary: z.number().nonnegative(),
	copaySpecialist: z.number().nonnegative(),
	deductible: z.number().nonnegative(),
	coinsurance: z.number().min(0).max(1),
	referralRequired: z.boolean().default(false)
});

export const Payer = z.strictObject({
	id: Id,
	name: z.string().min(1),
	type: z.enum(['commercial', 'medicare', 'medicare-advantage', 'medicaid', 'self-pay', 'workers-comp', 'tricare']),
	payerId: z.string().min(1),
	phone: Phone.optional(),
	timelyFilingDays: z.number().int().positive().optional(),
	priorAuthFor: z.array(z.string()).default([]),
	plans: z.array(Plan).default([]),
	notes: z.string().optional()
});

const Person = z.strictObject({
	name: z.string().min(1),
	relationship: z.string().min(1),
	phone: Phone.optional()
});

export const Coverage = z.strictObject({
	payer: Id,
	plan: Id.optional(),
	memberId: z.string().min(1),
	groupNumber: z.string().optional(),
	subscriber: z.union([z.literal('self'), z.strictObject({ name: z.string().min(1), dob: IsoDate, relationship: z.enum(['spouse', 'child', 'other']) })]),
	effective: IsoDate,
	terminated: IsoDate.optional()
});

export const Patient = z.strictObject({
	id: Id,
	firstName: z.string().min(1),
	lastName: z.string().min(1),
	preferredName: z.string().optional(),
	pronouns: z.string().optional(),
	dob: IsoDate,
	sex: z.enum(['F', 'M', 'X']),
	phone: Phone,
	email: z.string().email().optional(),
	address: Address,
	language: z.string().default('English'),
	interpreterNeeded: z.boolean().default(false),
	pcp: Id,
	established: z.boolean().default(true),
	lastVisit: IsoDate.optional(),
	/** Ordered: primary first. Empty for self-pay. */
	coverage: z.array(Coverage).default([]),
	/** For a minor: the parent or legal guardian who consents and is usually the personal representative. */
	guardian: Person.optional(),
	/** Someone with legal authority to act for the patient in health care matters (45 CFR 164.502(g)). */
	personalRepresentative: z.strictObject({ name: z.string().min(1), relationship: z.string().min(1), authority: z.string().min(1), documentOnFile: z.boolean(), phone: Phone.optional() }).optional(),
	/** People the patient has named on the practice's disclosure/authorization form, and for what. */
	disclosures: z.array(z.strictObject({ name: z.string().min(1), relationship: z.string().min(1), scope: z.string().min(1) })).default([]),
	/** A confidential-communications request the practice agreed to (45 CFR 164.522(b)). */
	confidentialCommunication: z.string().optional(),
	balance: z.number().default(0),
	alerts: z.array(z.string()).default([]),
	notes: z.string().optional()
});

export const AppointmentType = z.strictObject({
	id: Id,
	name: z.string().min(1),
	minutes: z.number().int().positive(),
	room: Room.shape.kind.optional(),
	newPatient: z.boolean().default(false),
	/** Template blocks this type may be booked into. */
	blocks: z.array(BlockKind).min(1).default(['office'])
});

export const FEE_CATEGORIES = [
	'visit-new',
	'visit-established',
	'preventive-new',
	'preventive-established',
	'procedure',
	'lab',
	'radiology',
	'medicine',
	'vaccine',
	'administration',
	'drug',
	'medicare-service'
] as const;

export const FeeLine = z.strictObject({
	code: z.string().regex(/^([0-9]{5}|[A-Z][0-9]{4})$/, 'must be a 5-digit CPT or a HCPCS Level II code'),
	/** Our own words: CPT descriptors are AMA-copyrighted and never copied. */
	description: z.string().min(1),
	/** Where the code sits on the superbill; office-visit levels and preventive age bands come from the code itself. */
	category: z.enum(FEE_CATEGORIES),
	fee: z.number().positive(),
	/** An add-on code is only ever billed with its primary code. */
	addOn: z.boolean().default(false)
});

export const Modifier = z.strictObject({
	code: z.string().regex(/^[0-9A-Z]{2}$/),
	/** cpt: two digits, part of the AMA's CPT (meaning in our words); hcpcs: in the CMS Level II file. */
	set: z.enum(['cpt', 'hcpcs']),
	meaning: z.string().min(1),
	use: z.string().min(1)
});

export type Clinic = z.infer<typeof Clinic>;
export type Provider = z.infer<typeof Provider>;
export type BlockKind = z.infer<typeof BlockKind>;
export type Weekday = z.infer<typeof Weekday>;
export type StaffMember = z.infer<typeof StaffMember>;
export type Payer = z.infer<typeof Payer>;
export type Patient = z.infer<typeof Patient>;
export type AppointmentType = z.infer<typeof AppointmentType>;
export type Room = z.infer<typeof Room>;
export type FeeLine = z.infer<typeof FeeLine>;
export type Coverage = z.infer<typeof Coverage>;
export type Modifier = z.infer<typeof Modifier>;
