/**
 * Every decision of an attempt, replayed from its stored inputs, in the plain shape an LMS report
 * needs (SCORM cmi.interactions, xAPI "answered" statements). Pure: the scenario is passed in.
 */
import type { Scenario, Step } from '../content/schema/scenario';
import { loadGradersFor, replay } from '../engine';
import type { Input, Outcome } from '../engine/types';
import type { AttemptRecord, InputRecord } from '../db/types';

export interface Decision {
	attemptId: string;
	scenarioId: string;
	/** 0-based position in the attempt. */
	seq: number;
	stepId: string;
	stepTitle: string;
	kind: Input['kind'];
	/** The learner's answer, as short text an LMS can store (ids, not prose). */
	response: string;
	/** The best answer in the same form, where the step has one (choice-like and triage steps). */
	correct?: string;
	/**
	 * Every best answer in that form, when there are several: a choice or dialogue step whose author
	 * gave more than one option the top score. `correct` is the first of them. Absent when only one is.
	 */
	correctAll?: string[];
	/**
	 * A choice-like step's option (or reply) ids, or a triage step's item ids, in their authored order:
	 * SCORM 1.2 names each by a single character for its place in this list, not by its id.
	 */
	options?: string[];
	/** A triage step's category ids in their authored order (classify mode): SCORM 1.2 names a placement's target by its place here. */
	targets?: string[];
	earned: number;
	possible: number;
	verdict: Outcome['verdict'];
	competencies: string[];
	critical?: string;
	/** When the answer was given (ms since the epoch). */
	at: number;
}

export type Decisions = { ok: true; decisions: Decision[] } | { ok: false; error: string };

/** The learner's answer as text: option ids, placements, or a count of the actions on a worked form. */
export function responseText(input: Input): string {
	switch (input.kind) {
		case 'choice':
			return input.optionId;
		case 'dialogue':
			return input.replyId;
		case 'multi-choice':
			return [...input.optionIds].sort().join(',');
		case 'triage':
			return 'order' in input ? input.order.join(',') : Object.entries(input.placements).sort(([a], [b]) => a.localeCompare(b)).map(([item, cat]) => `${item}:${cat}`).join(',');
		case 'schedule':
			return `${input.actions.length} schedule action${input.actions.length === 1 ? '' : 's'}`;
		case 'code':
			return [...input.diagnoses, ...input.lines.map((l) => [l.code, ...l.modifiers].join('-'))].join(',');
		case 'claim':
			return `${Object.keys(input.fields).length} claim items`;
		case 'remittance':
			return `balance ${input.balance}`;
		case 'inbox':
			return Object.entries(input.items).sort(([a], [b]) => a.localeCompare(b)).map(([item, d]) => `${item}:${d.route}/${d.priority}`).join(',');
		case 'report':
			return [input.report, ...Object.entries(input.answers).sort(([a], [b]) => a.localeCompare(b)).map(([q, a]) => `${q}:${Array.isArray(a) ? a.join('+') : a}`)].join(',');
		case 'verify':
			return Object.entries(input.actions).sort(([a], [b]) => a.localeCompare(b)).map(([row, act]) => `${row}:${act}`).join(',');
		case 'match':
			return Object.entries(input.pairs).sort(([a], [b]) => a.localeCompare(b)).map(([pair, d]) => `${pair}:${d.action}${d.action === 'merge' ? `/${d.survivor}` : ''}`).join(',');
		case 'audit':
			return Object.entries(input.rows).sort(([a], [b]) => a.localeCompare(b)).map(([row, f]) => `${row}:${f.verdict === 'appropriate' ? 'ok' : `${f.reason}/${f.conclusion}`}`).join(',');
		case 'index':
			return Object.entries(input.filed).sort(([a], [b]) => a.localeCompare(b)).map(([doc, f]) => `${doc}:${f.misdirected ? 'misdirected' : `${f.patient}/${f.type}/${f.date}`}`).join(',');
	}
}

/** Every best answer, in `responseText`'s form: one for most steps, several for a choice or dialogue with tied best options. */
function correctTexts(outcome: Outcome): string[] {
	const m = outcome.marks;
	if (m.kind === 'choice' || m.kind === 'dialogue') return [...m.best];
	if (m.kind === 'multi-choice') return [m.options.filter((o) => o.correct).map((o) => o.id).sort().join(',')];
	if (m.kind === 'triage' && outcome.input.kind === 'triage') {
		// The marks list the items in authored order, each with its right category (classify) or place (order, which is the authored one).
		return ['order' in outcome.input ? m.items.map((i) => i.id).join(',') : [...m.items].sort((a, b) => a.id.localeCompare(b.id)).map((i) => `${i.id}:${i.right}`).join(',')];
	}
	return [];
}

/** Every best answer as `Decision` carries them: `correct` the first, `correctAll` all of them when there are several. */
function correctOf(outcome: Outcome): Pick<Decision, 'correct' | 'correctAll'> {
	const all = correctTexts(outcome);
	return all.length === 0 ? {} : all.length === 1 ? { correct: all[0]! } : { correct: all[0]!, correctAll: all };
}

/** `decisionsOf` once the scenario's graders are loaded: what a page reporting to an LMS calls. */
export async function loadDecisions(scenario: Scenario, attempt: AttemptRecord, inputs: readonly InputRecord[]): Promise<Decisions> {
	await loadGradersFor([scenario]);
	return decisionsOf(scenario, attempt, inputs);
}

/** The caller has loaded the scenario's graders (else the result names the kind not loaded). */
export function decisionsOf(scenario: Scenario, attempt: AttemptRecord, inputs: readonly InputRecord[]): Decisions {
	if (attempt.contentHash !== scenario.hash) return { ok: false, error: `attempt ${attempt.id} was made on another version of ${scenario.meta.id}` };
	const mine = inputs.filter((i) => i.attemptId === attempt.id).sort((a, b) => a.seq - b.seq);
	let outcomes: readonly Outcome[];
	try {
		outcomes = replay(scenario, attempt.seed, mine.map((i) => i.input)).outcomes;
	} catch (e) {
		return { ok: false, error: `attempt ${attempt.id} could not be replayed: ${(e as Error).message}` };
	}
	return {
		ok: true,
		decisions: outcomes.map((o, seq) => ({ attemptId: attempt.id, scenarioId: scenario.meta.id, seq, ...graded(o, scenario.steps[o.stepId]), at: mine[seq]?.at ?? attempt.updatedAt }))
	};
}

/** The ids a choice-like step offers, or a triage step's items and categories, in the order its author wrote them. */
function optionsOf(step: Pick<Step, 'interaction'> | undefined): Pick<Decision, 'options' | 'targets'> {
	const i = step?.interaction;
	if (i?.kind === 'choice' || i?.kind === 'multi-choice') return { options: i.block.options.map((o) => o.id) };
	if (i?.kind === 'dialogue') return { options: i.block.replies.map((r) => r.id) };
	if (i?.kind === 'triage') return { options: i.block.items.map((t) => t.id), ...(i.block.categories ? { targets: i.block.categories.map((c) => c.id) } : {}) };
	return {};
}

/** What a replayed outcome says, in the plain shape both scenario and shift decisions share. */
export function graded(o: Outcome, step: Pick<Step, 'title' | 'interaction'> | undefined): Omit<Decision, 'attemptId' | 'scenarioId' | 'seq' | 'at'> {
	return {
		stepId: o.stepId,
		stepTitle: step?.title ?? o.stepId,
		kind: o.input.kind,
		response: responseText(o.input),
		...correctOf(o),
		...optionsOf(step),
		earned: o.evidence.reduce((n, e) => n + e.earned, 0),
		possible: o.evidence.reduce((n, e) => n + e.possible, 0),
		verdict: o.verdict,
		competencies: [...new Set(o.evidence.map((e) => e.competency))],
		...(o.critical ? { critical: o.critical } : {})
	};
}
