import type { Scenario } from '../content/schema/scenario';
import type { ScheduleAction } from '../office/schedule';

export interface Evidence {
	competency: string;
	earned: number;
	possible: number;
}

/** What the learner did at one step. Plain JSON: it is what gets stored and replayed. */
export type Input =
	| { kind: 'choice'; optionId: string }
	| { kind: 'multi-choice'; optionIds: string[] }
	| { kind: 'dialogue'; replyId: string }
	| { kind: 'triage'; placements: Record<string, string> }
	| { kind: 'triage'; order: string[] }
	| { kind: 'schedule'; actions: ScheduleAction[]; collected: Record<string, string> }
	| { kind: 'code'; diagnoses: string[]; lines: CodedLine[] }
	| { kind: 'claim'; fields: Record<string, string> }
	| { kind: 'remittance'; lines: PostedLine[]; balance: string }
	| { kind: 'verify'; actions: Record<string, string>; collect: string }
	| { kind: 'inbox'; items: Record<string, InboxDecision> }
	| { kind: 'index'; filed: Record<string, FiledDocument> }
	| { kind: 'match'; pairs: Record<string, MatchDecision> }
	| { kind: 'audit'; rows: Record<string, AuditFinding> }
	| { kind: 'report'; report: string; filters: Record<string, string>; answers: Record<string, string | string[]> };

/** What the learner decided for one set of charts: merge (and the MRN kept), keep apart or overlay, and each field's corrected value. */
export interface MatchDecision {
	action: string;
	survivor: string;
	fixes: Record<string, string>;
}

/** What the learner found about one log row: appropriate or not and why; for one that is not, the breach assessment and the notices. */
export interface AuditFinding {
	verdict: 'appropriate' | 'inappropriate';
	reason: string;
	exception: string;
	factors: Record<string, string>;
	conclusion: string;
	notify: string[];
	/** The last day for the patients' notices, as typed. */
	deadline: string;
}

/** What the learner did with one inbox item: where it goes, how soon, and the scripted reply when answered by portal. */
export interface InboxDecision {
	route: string;
	priority: string;
	reply?: string;
}

/** How the learner filed one page: to a patient, type and date of service (as typed), or set aside as misdirected. */
export interface FiledDocument {
	misdirected: boolean;
	patient: string;
	type: string;
	date: string;
}

/** A superbill line as the learner coded it. Pointers are the claim's diagnosis letters, e.g. "AB". */
export interface CodedLine {
	code: string;
	modifiers: string[];
	units: number;
	pointers: string;
}

/** One remittance line as the learner posted it, in dollars as typed. */
export interface PostedLine {
	payment: string;
	adjustment: string;
	patient: string;
}

/** Per-kind details of a graded answer, for the feedback view and the replay. */
export type Marks =
	| { kind: 'choice'; chosen: string; best: string[] }
	| { kind: 'multi-choice'; options: { id: string; picked: boolean; correct: boolean }[] }
	| { kind: 'dialogue'; chosen: string; best: string[] }
	| { kind: 'triage'; items: { id: string; given: string; right: string; ok: boolean }[] }
	| { kind: 'schedule'; rules: RuleResult[]; log: string[] }
	| { kind: 'code' | 'claim' | 'remittance' | 'verify' | 'inbox' | 'index' | 'match' | 'audit' | 'report'; rules: RuleResult[] };

/** One rule of a rule-graded step, as the learner sees it in feedback and replay. */
export interface RuleResult {
	task?: string;
	rule: string;
	ok: boolean;
	/** Partial credit: earned of possible. */
	earned: number;
	possible: number;
	competency: string;
	message: string;
	/** Set when breaking this rule is a critical error (it fails the scenario). */
	critical?: string;
}

export interface Outcome {
	stepId: string;
	input: Input;
	/** Markdown, most important first. */
	feedback: string[];
	/** The next step id, or null when the scenario is over. */
	next: string | null;
	evidence: Evidence[];
	critical?: string;
	mood?: { before: number; after: number };
	/** 'best' = full marks at this step. */
	verdict: 'best' | 'partial' | 'wrong';
	marks: Marks;
}

export interface AttemptState {
	scenario: Scenario;
	seed: number;
	variantIndex: number;
	/** Values for {{placeholders}} from the chosen variant. */
	variant: Readonly<Record<string, string>>;
	/** The step awaiting an answer; null once finished. */
	stepId: string | null;
	/** The ending step whose narrative closes the scenario, if it ended on one. */
	endingId: string | null;
	mood: number | null;
	outcomes: readonly Outcome[];
}

export interface ScoreSummary {
	earned: number;
	possible: number;
	/** earned / possible, 0 when nothing was possible. */
	score: number;
	passMark: number;
	passed: boolean;
	finished: boolean;
	critical: string[];
	byCompetency: { competency: string; earned: number; possible: number }[];
}

export class InvalidInput extends Error {
	override name = 'InvalidInput';
}
