import { z } from '../../zod';
import { ClockTime, CriticalText, Id } from './common';
import { ScenarioKind, Variant, type Scenario } from './scenario';
import { URGENCIES } from '../shift-clock';

/** How a piece of work reaches the desk: it decides which office panel shows it. */
export const CHANNELS = ['call', 'walk-in', 'window', 'portal', 'fax', 'provider-late', 'claim-rejection', 'desk'] as const;
/** Most urgent first: the order a learner should work what is waiting. */

export const CallRules = z.strictObject({
	/** A ringing call nobody answers rolls over and the caller hangs up after this many minutes. */
	ringsOutAfter: z.number().int().min(1).max(10).default(2),
	/** A caller on hold hangs up after this many minutes on hold. */
	hangUpAfter: z.number().int().min(1).max(60).default(5),
	/** A caller who hung up calls back this many minutes later… */
	callBackAfter: z.number().int().min(1).max(240).default(15),
	/** …this many mood points angrier. */
	angrier: z.number().int().min(0).max(5).default(2),
	/** Putting this call on hold is a critical error (a caller with chest pain): the text says why. */
	neverHold: CriticalText.optional()
});

export const ShiftEvent = z.strictObject({
	id: Id,
	channel: z.enum(CHANNELS),
	/** When it arrives on the simulated clock; absent when only a consequence brings it. */
	at: ClockTime.optional(),
	/** The seed moves the arrival up to this many minutes either way (what is taught stays the same). */
	jitter: z.number().int().min(0).max(30).default(0),
	/** Who is waiting or calling, as the queue shows it (a name or a {{placeholder}} the variants fill). */
	who: z.string().min(1),
	/** What the queue says the work is, before it is opened. */
	about: z.string().min(3).max(120),
	patient: z.string().optional(),
	provider: z.string().optional(),
	/** Minutes of the simulated clock the task takes, spread over its decisions. */
	minutes: z.number().int().min(1).max(120),
	/** Minutes after arrival by which it should be done. */
	within: z.number().int().min(1).max(480).optional(),
	urgency: z.enum(URGENCIES).default('routine'),
	/** A waiting person's mood on arrival (0 furious … 10 calm)… */
	mood: z.number().int().min(0).max(10).optional(),
	/** …which drops one point for every this many minutes they wait. */
	decay: z.number().int().min(1).max(120).default(5),
	/** Calls only: ring-out, hold and call-back rules (defaults apply when omitted). */
	call: CallRules.optional(),
	/** Missing the deadline is a critical error: the text says why. */
	missed: CriticalText.optional(),
	/** Each variant fills the task's {{placeholders}}; the seed picks one. */
	variants: z.array(Variant).min(1).optional(),
	topic: ScenarioKind.default('communication')
});

export const Consequence = z.strictObject({
	id: Id,
	/** Exactly one of skipped, answered or notDoneBy. */
	if: z.strictObject({
		task: Id,
		/** The task was set aside, or its deadline passed before anyone started it. */
		skipped: z.literal(true).optional(),
		/** A step of the task was answered with one of these options or replies, or (notBest) not with full marks. */
		answered: z.strictObject({ step: Id, with: z.array(Id).min(1).optional(), notBest: z.literal(true).optional() }).optional(),
		/** The task was not done by this time. */
		notDoneBy: ClockTime.optional()
	}),
	/** The event that arrives (one with no `at` of its own). */
	then: Id,
	/** When: this many minutes after the trigger, or at a set time (now, if that has passed). */
	after: z.number().int().min(0).max(480).optional(),
	at: ClockTime.optional(),
	/** What the choice caused, in the words the end-of-shift report uses. */
	because: z.string().min(10).max(400)
});

export const ShiftFrontMatter = z.strictObject({
	id: Id,
	title: z.string().min(3),
	summary: z.string().min(10).max(240),
	start: ClockTime,
	end: ClockTime,
	competencies: z.array(Id).min(1),
	passMark: z.number().min(0.5).max(1).default(0.8),
	events: z.array(ShiftEvent).min(1),
	consequences: z.array(Consequence).default([])
});

export type ShiftEvent = z.infer<typeof ShiftEvent>;
export type Consequence = z.infer<typeof Consequence>;
export type ShiftFrontMatter = z.infer<typeof ShiftFrontMatter>;
export type Channel = (typeof CHANNELS)[number];
export type Urgency = (typeof URGENCIES)[number];

/** A parsed, validated shift. Each event's task is a small scenario the existing engine plays. Plain JSON. */
export interface Shift {
	meta: ShiftFrontMatter;
	/** Event id → its task (steps from the `# event-id: Title` section of the body). */
	tasks: Record<string, Scenario>;
	/** Minutes after midnight. */
	start: number;
	end: number;
	debrief: string;
	hash: string;
	file: string;
}
