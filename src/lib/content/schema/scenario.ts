import { z } from 'zod';
import { Id } from './common';

/** The catalog's fixed list of scenario kinds; later capabilities extend it. */
export const SCENARIO_KINDS = [
	'hipaa',
	'communication',
	'triage',
	'scheduling',
	'registration',
	'coding',
	'claims',
	'payments'
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
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	minutes: z.number().int().positive().max(120),
	summary: z.string().min(10).max(240),
	/** Where the learner is: decides which office panel leads (phone, front desk, portal inbox). */
	setting: z.enum(['phone', 'front-desk', 'portal', 'back-office']).default('front-desk'),
	/** A clinic patient id, or a {{variable}} the variants fill in. */
	patient: z.string().optional(),
	provider: z.string().optional(),
	caller: z.strictObject({ name: z.string().min(1), number: z.string().min(1) }).optional(),
	competencies: z.array(Id).min(1),
	passMark: z.number().min(0.5).max(1).default(0.8),
	start: Id,
	/** Starting mood (0 furious … 10 calm) for scenarios with dialogue steps. */
	mood: z.number().int().min(0).max(10).optional(),
	/** Each variant is a coherent set of values for {{placeholders}}; a seed picks one. */
	variants: z.array(Variant).min(1).optional(),
	tags: z.array(z.string()).default([])
});

const Critical = z.string().min(3);

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
	next: Next.optional()
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
	options: z.array(MultiChoiceOption).min(3),
	next: Next.optional()
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
	items: z.array(TriageItem).min(2),
	competencies: z.array(Id).min(1),
	next: Next.optional()
});

/** Interaction kinds: the fenced block's language names one. Add a kind here, in engine/interactions and in components/interactions. */
export const INTERACTION_SCHEMAS = {
	choice: ChoiceBlock,
	'multi-choice': MultiChoiceBlock,
	dialogue: DialogueBlock,
	triage: TriageBlock
} as const;

export type InteractionKind = keyof typeof INTERACTION_SCHEMAS;
export type FrontMatter = z.infer<typeof FrontMatter>;
export type ChoiceBlock = z.infer<typeof ChoiceBlock>;
export type MultiChoiceBlock = z.infer<typeof MultiChoiceBlock>;
export type DialogueBlock = z.infer<typeof DialogueBlock>;
export type TriageBlock = z.infer<typeof TriageBlock>;
export type ScenarioKind = z.infer<typeof ScenarioKind>;

export type Interaction = (
	| { kind: 'choice'; block: ChoiceBlock }
	| { kind: 'multi-choice'; block: MultiChoiceBlock }
	| { kind: 'dialogue'; block: DialogueBlock }
	| { kind: 'triage'; block: TriageBlock }
) & { /** File line where the block's YAML starts. */ line: number };

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
