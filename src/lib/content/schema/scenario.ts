import { z } from '../../zod';
import { ClockTime, CriticalText, Id, IsoDate, StepWeight } from './common';
import { MAX_LIST_ITEMS } from '../../limits';
import { Coverage } from './office';
import { ClaimBlock, CodeBlock, RemittanceBlock, VerifyBlock, type ResolvedClaimBlock, type ResolvedCodeBlock, type ResolvedRemittanceBlock } from './billing';
import { InboxBlock, type ResolvedInboxBlock } from './inbox';
import { ReportBlock, type ResolvedReportBlock } from './report';
import { IndexBlock, type ResolvedIndexBlock } from './indexing';
import { MatchBlock } from './match';
import { AuditBlock, type ResolvedAuditBlock } from './audit';

/** The catalog's fixed list of scenario kinds; later capabilities extend it. */
export const SCENARIO_KINDS = [
	'hipaa',
	'communication',
	'triage',
	'scheduling',
	'registration',
	'coding',
	'claims',
	'payments',
	'records'
] as const;
export const ScenarioKind = z.enum(SCENARIO_KINDS);

/** "earned/possible", e.g. "1/2". */
export const Points = z
	.string()
	.regex(/^\d+\/\d+$/, 'must be written earned/possible, e.g. "1/2"')
	.refine((s) => {
		const [e, p] = s.split('/').map(Number);
		return e! <= p! && p! > 0;
	}, 'earned must not exceed possible, and possible must be at least 1');

/** Competency id → "earned/possible". */
export const EvidenceMap = z.record(Id, Points);

/** A step id, or "end" to finish the scenario. */
export const Next = Id;

const Markdown = z.string().min(1);

export const Variant = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.string().min(1));

export const FrontMatter = z.strictObject({
	id: Id,
	title: z.string().min(3),
	kind: ScenarioKind,
	difficulty: z.literal([1, 2, 3]),
	minutes: z.number().int().positive().max(120),
	summary: z.string().min(10).max(240),
	/** Where the learner is: decides which office panel leads (phone, front desk, portal inbox). */
	setting: z.enum(['phone', 'front-desk', 'portal', 'back-office']).default('front-desk'),
	/** A clinic patient id, or a {{variable}} the variants fill in. */
	patient: z.string().optional(),
	provider: z.string().optional(),
	caller: z.strictObject({ name: z.string().min(1), number: z.string().min(1) }).optional(),
	/** The phone line the call is on, as the story says (the phone bar shows it); default 1. */
	line: z.number().int().min(1).max(12).optional(),
	/** Steps with another person on the phone (several callers in one scenario): who, and on which line. */
	calls: z
		.array(
			z.strictObject({
				steps: z.array(Id).min(1),
				/** Who is on the line, or what the phones show (e.g. "Three lines holding"). */
				name: z.string().min(1),
				number: z.string().min(1).optional(),
				/** Omit for no single line (a queue of calls). */
				line: z.number().int().min(1).max(12).optional()
			})
		)
		.optional(),
	competencies: z.array(Id).min(1),
	passMark: z.number().min(0.5).max(1).default(0.8),
	start: Id,
	/** Starting mood (0 furious … 10 calm) for scenarios with dialogue steps. */
	mood: z.number().int().min(0).max(10).optional(),
	/** Whose mood the meter shows (a name or a {{placeholder}}); defaults to the scenario's patient or caller. */
	moodOf: z.string().min(1).optional(),
	/** Each variant is a coherent set of values for {{placeholders}}; a seed picks one. */
	variants: z.array(Variant).min(1).optional(),
	tags: z.array(z.string()).default([]),
	/** The practice EHR can be opened beside the steps, read-only, to look things up (every chart, found by name and date of birth). */
	ehr: z.boolean().optional(),
	/** The scenario this one continues (a story told in parts): shown in the catalog and after the first part. */
	follows: Id.optional(),
	/**
	 * The patient's chart as the office has it at this scenario's moment, where it differs from the
	 * clinic record (which holds what is true by the end of every story): notes, alerts or coverage
	 * given here replace the record's in the chart panel. E.g. a plan that has ended but that the
	 * office has not yet learnt of, or the last visit of a scenario set before the record's last visit.
	 */
	chart: z
		.strictObject({ notes: z.string().optional(), alerts: z.array(z.string().min(1)).optional(), coverage: z.array(Coverage).optional(), lastVisit: IsoDate.optional() })
		.optional()
});

const Critical = CriticalText;

export const ChoiceOption = z.strictObject({
	id: Id,
	text: Markdown,
	feedback: Markdown.optional(),
	evidence: EvidenceMap.default({}),
	critical: Critical.optional(),
	next: Next.optional()
});

export const ChoiceBlock = z.strictObject({
	prompt: Markdown.optional(),
	options: z.array(ChoiceOption).min(2),
	next: Next.optional(),
	weight: StepWeight.optional()
});

export const MultiChoiceOption = z.strictObject({
	id: Id,
	text: Markdown,
	correct: z.boolean(),
	feedback: Markdown,
	/** Critical when this option is handled wrongly (picked when wrong, or missed when right). */
	critical: Critical.optional()
});

export const MultiChoiceBlock = z.strictObject({
	prompt: Markdown,
	competencies: z.array(Id).min(1),
	options: z.array(MultiChoiceOption).min(3).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} options (a progress file keeps up to ${MAX_LIST_ITEMS} picked at once)`),
	next: Next.optional(),
	weight: StepWeight.optional()
});

export const DialogueReply = z.strictObject({
	id: Id,
	text: Markdown,
	/** How this reply moves the other person's mood (0 furious … 10 calm). */
	mood: z.number().int().min(-5).max(5),
	feedback: Markdown.optional(),
	evidence: EvidenceMap.default({}),
	critical: Critical.optional(),
	next: Next.optional()
});

export const DialogueBlock = z.strictObject({
	/** Who speaks: defaults to the scenario's patient or caller. */
	speaker: z.string().optional(),
	says: Markdown,
	replies: z.array(DialogueReply).min(2),
	next: Next.optional(),
	weight: StepWeight.optional(),
	/** The conversation ends early when the mood falls to this value or lower. */
	exit: z.strictObject({ atOrBelow: z.number().int().min(0).max(10), next: Next }).optional()
});

export const TriageCategory = z.strictObject({ id: Id, label: z.string().min(1) });

export const TriageItem = z.strictObject({
	id: Id,
	text: Markdown,
	/** classify mode: the right category. order mode: leave out; the list order is the right order. */
	category: Id.optional(),
	feedback: Markdown,
	critical: Critical.optional()
});

export const TriageBlock = z.strictObject({
	prompt: Markdown,
	mode: z.enum(['classify', 'order']),
	categories: z.array(TriageCategory).min(2).optional(),
	items: z.array(TriageItem).min(2).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} items (a progress file keeps up to ${MAX_LIST_ITEMS} in one answer)`),
	competencies: z.array(Id).min(1),
	next: Next.optional(),
	weight: StepWeight.optional()
});

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** An appointment already on the book when the step opens. */
export const SeedAppointment = z.strictObject({
	id: Id,
	patient: Id,
	provider: Id,
	/** Defaults to the book's first day. */
	date: IsoDate.optional(),
	start: ClockTime,
	type: Id,
	/** Defaults to the type's standard length. */
	minutes: z.number().int().positive().optional(),
	reason: z.string().min(1),
	status: z.enum(['booked', 'checked-in', 'no-show', 'cancelled']).default('booked')
});

export const Availability = z.strictObject({
	days: z.array(Weekday).optional(),
	from: ClockTime,
	to: ClockTime
});

export const WaitlistEntry = z.strictObject({
	id: Id,
	patient: Id,
	type: Id,
	reason: z.string().min(1),
	provider: Id.optional(),
	availability: z.array(Availability).default([]),
	note: z.string().optional()
});

export const Disruption = z.strictObject({
	provider: Id.optional(),
	room: Id.optional(),
	date: IsoDate.optional(),
	from: ClockTime,
	to: ClockTime,
	reason: z.string().min(1)
});

/**
 * What the learner must achieve on the book. The grader checks the resulting book against rules,
 * so any valid solution earns full marks.
 */
export const ScheduleTask = z.strictObject({
	id: Id,
	/** book: the patient ends up with a valid appointment (or series). resolve: every listed
	 * appointment ends up moved to a valid slot or cancelled with a reason. cancel / no-show: the
	 * listed appointments get that status. waitlist: the patient is put on the waitlist (when
	 * nothing that fits is open) with the visit type. */
	kind: z.enum(['book', 'resolve', 'cancel', 'no-show', 'waitlist']).default('book'),
	/** What the learner is told, shown in the task list (Markdown). */
	ask: z.string().min(1),
	patient: Id.optional(),
	/** Acceptable appointment types for a booking. */
	types: z.array(Id).optional(),
	/** same-day: on the book's first day; soon: within `withinDays`; routine: any time the rules allow. */
	urgency: z.enum(['same-day', 'soon', 'routine']).default('routine'),
	withinDays: z.number().int().positive().optional(),
	/** Earliest day, counted from the book's first day (e.g. 2 for an imaging test that needs an authorization). */
	leadDays: z.number().int().min(0).default(0),
	/** Providers the booking must be with; omit for any. */
	providers: z.array(Id).optional(),
	/** A preference: another provider earns partial credit. */
	preferProvider: Id.optional(),
	availability: z.array(Availability).default([]),
	series: z.strictObject({ count: z.number().int().min(2).max(12), everyDays: z.number().int().positive(), toleranceDays: z.number().int().min(0).default(0) }).optional(),
	/** resolve/cancel/no-show: the appointments concerned. */
	appointments: z.array(Id).optional(),
	/** resolve: appointments that must still be seen on the same day. */
	sameDay: z.array(Id).default([]),
	/** Fills a slot from the waitlist: the booking must be for one of these entries. */
	fromWaitlist: z.array(Id).optional(),
	/** A critical error when this task is not met (e.g. an urgent patient left unbooked). */
	critical: CriticalText.optional(),
	/** Teaching shown when any rule of this task fails (Markdown). */
	teach: z.string().optional()
});

export const CollectField = z.strictObject({
	id: Id,
	label: z.string().min(1),
	/** Every one of these words or phrases must appear (case and spacing ignored). */
	expect: z.array(z.string().min(1)).min(1),
	competency: Id,
	feedback: z.string().min(1)
});

/** Which competency each family of schedule rules is scored against. */
export const ScheduleScoring = z.strictObject({
	fit: Id.default('cmaa.scheduling.methods-templates'),
	type: Id.default('cmaa.scheduling.appointment-types'),
	timing: Id.default('cmaa.scheduling.triage'),
	integrity: Id.default('cmaa.scheduling.cancellations-no-shows')
});

export const ScheduleBlock = z.strictObject({
	prompt: Markdown,
	/** First day shown; defaults to the clinic's today. */
	date: IsoDate.optional(),
	/** The scenario's clock on the first day: earlier slots are in the past (greyed out; booking one is a critical error). */
	now: ClockTime.optional(),
	days: z.number().int().min(1).max(14).default(1),
	view: z.enum(['day', 'week']).default('day'),
	/** stream: one patient at a time per provider. wave / modified-wave: several may share a start, per `wave`. */
	method: z.enum(['stream', 'wave', 'modified-wave']).default('stream'),
	/** Minute of the hour → how many patients may start then (e.g. { "00": 2, "30": 1 }). */
	wave: z.record(z.string().regex(/^[0-5]\d$/), z.number().int().min(1).max(6)).optional(),
	/** Types that may be double-booked over another appointment. */
	doubleBooking: z.array(Id).default([]),
	appointments: z.array(SeedAppointment).default([]),
	waitlist: z.array(WaitlistEntry).default([]),
	disruptions: z.array(Disruption).default([]),
	tasks: z.array(ScheduleTask).min(1),
	collect: z.array(CollectField).default([]),
	/** The scenario's teaching for a kind of rule (e.g. fit: why a 15-minute hole cannot hold a 30-minute
	 * visit), shown once whenever any rule of that kind fails, whichever task or booking broke it. */
	lessons: z.partialRecord(z.enum(['fit', 'type', 'length', 'availability', 'provider', 'urgency', 'lead', 'series', 'waitlist', 'untouched']), z.string().min(1)).default({}),
	scoring: ScheduleScoring.default({ fit: 'cmaa.scheduling.methods-templates', type: 'cmaa.scheduling.appointment-types', timing: 'cmaa.scheduling.triage', integrity: 'cmaa.scheduling.cancellations-no-shows' }),
	next: Next.optional(),
	weight: StepWeight.optional()
});

/** Interaction kinds: the fenced block's language names one. Add a kind here, in engine/interactions and in components/interactions. */
export const INTERACTION_SCHEMAS = {
	choice: ChoiceBlock,
	'multi-choice': MultiChoiceBlock,
	dialogue: DialogueBlock,
	triage: TriageBlock,
	schedule: ScheduleBlock,
	code: CodeBlock,
	claim: ClaimBlock,
	remittance: RemittanceBlock,
	verify: VerifyBlock,
	inbox: InboxBlock,
	index: IndexBlock,
	match: MatchBlock,
	audit: AuditBlock,
	report: ReportBlock
} as const;

export type InteractionKind = keyof typeof INTERACTION_SCHEMAS;
export type FrontMatter = z.infer<typeof FrontMatter>;
export type ChoiceBlock = z.infer<typeof ChoiceBlock>;
export type MultiChoiceBlock = z.infer<typeof MultiChoiceBlock>;
export type DialogueBlock = z.infer<typeof DialogueBlock>;
export type TriageBlock = z.infer<typeof TriageBlock>;
export type ScheduleBlock = z.infer<typeof ScheduleBlock>;

/**
 * The slice of the clinic a schedule step is graded against, copied into the parsed scenario so
 * grading and replay never depend on anything outside the attempt.
 */
export interface ScheduleContext {
	firstDay: string;
	days: string[];
	providers: { id: string; name: string; credentials: string; sees?: string[]; template: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { start: string; end: string; kind: import('./office').BlockKind; note?: string }[]>> }[];
	types: import('./office').AppointmentType[];
	rooms: import('./office').Room[];
	patients: { id: string; name: string; established: boolean }[];
	/** Practice holidays: no provider works. */
	closedDays: { date: string; reason: string }[];
}
export type ResolvedScheduleBlock = ScheduleBlock & { context: ScheduleContext };
export type ScheduleTask = z.infer<typeof ScheduleTask>;
export type SeedAppointment = z.infer<typeof SeedAppointment>;
export type Availability = z.infer<typeof Availability>;
export type ScenarioKind = z.infer<typeof ScenarioKind>;

export type Interaction = (
	| { kind: 'choice'; block: ChoiceBlock }
	| { kind: 'multi-choice'; block: MultiChoiceBlock }
	| { kind: 'dialogue'; block: DialogueBlock }
	| { kind: 'triage'; block: TriageBlock }
	| { kind: 'schedule'; block: ResolvedScheduleBlock }
	| { kind: 'code'; block: ResolvedCodeBlock }
	| { kind: 'claim'; block: ResolvedClaimBlock }
	| { kind: 'remittance'; block: ResolvedRemittanceBlock }
	| { kind: 'verify'; block: VerifyBlock }
	| { kind: 'inbox'; block: ResolvedInboxBlock }
	| { kind: 'report'; block: ResolvedReportBlock }
	| { kind: 'index'; block: ResolvedIndexBlock }
	| { kind: 'match'; block: MatchBlock }
	| { kind: 'audit'; block: ResolvedAuditBlock }
) & {
	/** File line where the block's YAML starts. */
	line: number;
	/** File line of each option, reply, item or schedule task (in order), so a problem with one is reported on its line. */
	optionLines?: number[];
	/** File line of the block's own `next:`, where there is one. */
	nextLine?: number;
};

export interface Step {
	id: string;
	title?: string;
	/** Markdown shown before the interaction. */
	narrative: string;
	/** Absent on an ending step: reaching it finishes the scenario. */
	interaction?: Interaction;
	line: number;
}

/** A parsed, validated scenario: what the engine and the player consume. Plain JSON. */
export interface Scenario {
	meta: FrontMatter;
	steps: Record<string, Step>;
	stepOrder: string[];
	debrief: string;
	/** Content version: a hash of the source text, stored with every attempt. */
	hash: string;
	file: string;
}

/** Whether this text names an interaction kind (own keys only: "toString" is not a kind). */
export function isInteractionKind(name: string): name is InteractionKind {
	return Object.hasOwn(INTERACTION_SCHEMAS, name);
}
