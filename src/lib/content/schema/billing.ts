import { z } from '../../zod';
import { CriticalText, Id, IsoDate, StepWeight } from './common';
import type { Coverage, FeeLine, Patient } from './office';

const Markdown = z.string().min(1);
const Next = Id;
/** A code as written on a claim: ICD-10-CM with its dot, CPT five digits, HCPCS a letter and four digits. */
const DxCode = z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'must be an ICD-10-CM code written with its dot, e.g. "E11.9"');
const ProcCode = z.string().regex(/^([0-9]{5}|[A-Z][0-9]{4})$/, 'must be a 5-digit CPT or a HCPCS Level II code');
const ModifierCode = z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character modifier');

/** One service line as the provider documented it: what the key expects on the superbill. */
export const ServiceLine = z.strictObject({
	code: ProcCode,
	modifiers: z.array(ModifierCode).max(4).default([]),
	units: z.number().int().min(1).max(99).default(1),
	/** The diagnoses this service treats, most important first (they become the line's pointers). */
	diagnoses: z.array(DxCode).min(1).max(4),
	/** Why this code, modifier and units: shown after grading (Markdown). */
	why: Markdown.optional()
});

export const KeyDiagnosis = z.strictObject({
	code: DxCode,
	why: Markdown.optional()
});

/**
 * A wrong answer the content anticipates, with the reason it is wrong. The content check proves the
 * reason: a header is in ICD-10-CM but not billable, an unspecified code is billable and says
 * "unspecified", a deleted code is in no current code set, and the others are real codes.
 */
export const WrongCode = z.strictObject({
	code: z.string().min(2),
	kind: z.enum(['header', 'unspecified', 'deleted', 'not-documented', 'wrong-level', 'wrong-patient-status', 'bundled', 'mismatch']),
	teach: Markdown
});

/** Superbill coding: the learner picks diagnoses and service lines for a documented encounter. */
export const CodeBlock = z.strictObject({
	prompt: Markdown,
	/** The provider's documentation the codes come from (Markdown). */
	note: Markdown,
	date: IsoDate.optional(),
	/** Rendering provider; defaults to the scenario's provider. */
	provider: Id.optional(),
	/** Primary first. */
	diagnoses: z.array(KeyDiagnosis).min(1).max(12),
	procedures: z.array(ServiceLine).min(1).max(6),
	wrong: z.array(WrongCode).default([]),
	scoring: z
		.strictObject({
			procedures: Id.default('cmaa.billing.superbill'),
			diagnoses: Id.default('cmaa.billing.coding-basics'),
			linking: Id.default('cehrs.revenue.coding-support')
		})
		.default({ procedures: 'cmaa.billing.superbill', diagnoses: 'cmaa.billing.coding-basics', linking: 'cehrs.revenue.coding-support' }),
	next: Next.optional(),
	weight: StepWeight.optional()
});

/** CMS-1500 items the learner completes, by NUCC item number. */
export const CLAIM_ITEMS = ['1', '1a', '2', '3', '4', '5', '6', '7', '11', '11d', '12', '13', '21', '22', '23', '24', '25', '26', '27', '28', '31', '32', '33'] as const;
export type ClaimItem = (typeof CLAIM_ITEMS)[number];

/** Completing (or correcting) a CMS-1500 from a superbill and the registration on file. */
export const ClaimBlock = z.strictObject({
	prompt: Markdown,
	/** Defaults to the scenario's patient and provider. */
	patient: Id.optional(),
	provider: Id.optional(),
	/** Which of the patient's coverages this claim goes to (0 = primary). */
	coverage: z.number().int().min(0).max(2).default(0),
	date: IsoDate.optional(),
	/** The coded visit the claim is built from; shown to the learner as the superbill. */
	superbill: z.strictObject({
		diagnoses: z.array(DxCode).min(1).max(12),
		lines: z.array(ServiceLine).min(1).max(6)
	}),
	/** Items the practice-management system fills from registration; the learner completes the rest. */
	prefilled: z.array(z.enum(CLAIM_ITEMS)).default(['5', '7', '32', '33']),
	/** Values already on the form (e.g. a denied claim to correct), by field path such as "1a" or "24.1.E". */
	given: z.record(z.string(), z.string()).default({}),
	/** Item 22, for a corrected claim: frequency code 7 (replacement) or 8 (void) and the payer's claim number. */
	resubmission: z.strictObject({ code: z.enum(['7', '8']), original: z.string().min(1) }).optional(),
	/** Item 23. */
	priorAuthorization: z.string().optional(),
	/** Wrong codes placed in `given` on purpose (a denied claim to fix), each with what is wrong. */
	wrong: z.array(WrongCode).default([]),
	/** What this claim corrects, for the teaching (Markdown). */
	teach: Markdown.optional(),
	scoring: z
		.strictObject({ claim: Id.default('cmaa.billing.claims'), coding: Id.default('cehrs.revenue.insurance-billing') })
		.default({ claim: 'cmaa.billing.claims', coding: 'cehrs.revenue.insurance-billing' }),
	next: Next.optional(),
	weight: StepWeight.optional()
});

export const Adjustment = z.strictObject({
	group: z.enum(['CO', 'PR', 'OA', 'PI']),
	/** Claim adjustment reason code (CARC). */
	reason: z.string().regex(/^[A-Z]?\d{1,3}$/),
	amount: z.number()
});

export const RemitLine = z.strictObject({
	date: IsoDate.optional(),
	code: ProcCode,
	modifiers: z.array(ModifierCode).default([]),
	billed: z.number().nonnegative(),
	allowed: z.number().nonnegative(),
	paid: z.number().nonnegative(),
	adjustments: z.array(Adjustment).default([]),
	/** Remittance advice remark codes (RARC), e.g. N130. */
	remarks: z.array(z.string().regex(/^[A-Z]{1,2}\d{1,3}$/)).default([])
});

/** Posting an EOB/ERA to the patient ledger. */
export const RemittanceBlock = z.strictObject({
	prompt: Markdown,
	patient: Id.optional(),
	payer: Id,
	claimNumber: z.string().min(1),
	/** Check or EFT trace number. */
	trace: z.string().min(1),
	paidOn: IsoDate,
	lines: z.array(RemitLine).min(1).max(6),
	/** Paid by the patient at the visit (copay) and already on the ledger as a credit. */
	collected: z.number().nonnegative().default(0),
	scoring: z
		.strictObject({ posting: Id.default('cmaa.billing.payment-posting'), reading: Id.default('cmaa.billing.remittance-denials') })
		.default({ posting: 'cmaa.billing.payment-posting', reading: 'cmaa.billing.remittance-denials' }),
	/** Teaching per CARC shown after grading, beyond the built-in meaning (Markdown). */
	teach: Markdown.optional(),
	next: Next.optional(),
	weight: StepWeight.optional()
});

/** One thing to compare across the insurance card, the registration on file and the eligibility response. */
export const VerifyRow = z.strictObject({
	id: Id,
	label: z.string().min(1),
	card: z.string().default(''),
	registration: z.string().default(''),
	eligibility: z.string().default(''),
	/** The right action, one of the block's action ids ("ok" when everything agrees). */
	action: Id,
	teach: Markdown,
	/** A critical error when this row is handled wrongly (e.g. terminated coverage missed). */
	critical: CriticalText.optional()
});

/**
 * Registration and insurance verification: the learner compares three documents row by row, picks
 * what to do about each, and works out what to collect at check-in.
 */
export const VerifyBlock = z.strictObject({
	prompt: Markdown,
	/** What each document is, as the learner sees it (e.g. "Card she handed over", "Eligibility response 11/02 8:41"). */
	sources: z
		.strictObject({ card: z.string().min(1), registration: z.string().min(1), eligibility: z.string().min(1) })
		.default({ card: 'Insurance card', registration: 'Registration on file', eligibility: 'Eligibility response' }),
	rows: z.array(VerifyRow).min(3).max(14),
	/** The choices for every row; "ok" (nothing to do) is always offered. */
	actions: z.array(z.strictObject({ id: Id, label: z.string().min(1) })).min(2),
	/** What to collect at the desk today, in dollars, and why. */
	collect: z.strictObject({ amount: z.number().nonnegative(), teach: Markdown }),
	scoring: z
		.strictObject({ rows: Id.default('cmaa.encounter.identity-insurance'), collect: Id.default('cmaa.billing.eligibility') })
		.default({ rows: 'cmaa.encounter.identity-insurance', collect: 'cmaa.billing.eligibility' }),
	next: Next.optional(),
	weight: StepWeight.optional()
});

export type VerifyBlock = z.infer<typeof VerifyBlock>;
export type ServiceLine = z.infer<typeof ServiceLine>;
export type CodeBlock = z.infer<typeof CodeBlock>;
export type ClaimBlock = z.infer<typeof ClaimBlock>;
export type RemittanceBlock = z.infer<typeof RemittanceBlock>;
export type WrongCode = z.infer<typeof WrongCode>;
export type Adjustment = z.infer<typeof Adjustment>;

/** The fee schedule and modifiers, copied into a billing step so it grades and replays alone. */
export interface BillingContext {
	fees: Pick<FeeLine, 'code' | 'description' | 'category' | 'fee' | 'addOn'>[];
	modifiers: { code: string; meaning: string }[];
	date: string;
	provider?: { id: string; name: string; credentials: string; npi: string };
}

/** What a claim step is graded against: the parties on the claim as the practice has them on file. */
export interface ClaimContext extends BillingContext {
	patient: Pick<Patient, 'id' | 'firstName' | 'lastName' | 'dob' | 'sex' | 'address' | 'phone'>;
	coverage: Coverage & { payerName: string; payerType: string; planName?: string; secondary: boolean };
	/** Another coverage the patient has (item 11d, item 9 when it is reported). */
	otherCoverage?: Coverage & { payerName: string };
	clinic: { name: string; address: Patient['address']; phone: string; npi: string; taxId: string };
	provider: { id: string; name: string; credentials: string; npi: string };
}

export type ResolvedCodeBlock = CodeBlock & { context: BillingContext };
export type ResolvedClaimBlock = ClaimBlock & { context: ClaimContext };
export type ResolvedRemittanceBlock = RemittanceBlock & { context: { patientName: string; payerName: string } };
