import type { Interaction, Scenario } from '../content/schema/scenario';
import { stepOf } from '../content/steps';
import { graderFor } from './interactions';
import { fillTemplate } from '../content/template';
import type { Grader } from './interactions/grader';
import { mix, rng, shuffled } from './rng';
import { totalsByCompetency } from './progress';
import { stepWeight, weigh } from './weight';
import { InvalidInput, type AttemptState, type Input, type Outcome, type ScoreSummary } from './types';

const MOOD_MIN = 0;
const MOOD_MAX = 10;

/** Throws GraderNotLoaded, naming the kind, when the caller has not loaded its grader (`loadGraders`). */
function graderOf(interaction: Interaction): Grader<Interaction['kind']> {
	return graderFor(interaction.kind) as Grader<Interaction['kind']>;
}

/** Begins an attempt. The seed picks the variant and the display order; same seed, same attempt. */
export function start(scenario: Scenario, seed: number): AttemptState {
	const variants = scenario.meta.variants ?? [{}];
	const variantIndex = Math.floor(rng(seed)() * variants.length);
	return enter(
		{
			scenario,
			seed,
			variantIndex,
			variant: variants[variantIndex]!,
			stepId: null,
			endingId: null,
			mood: scenario.meta.mood ?? null,
			outcomes: []
		},
		scenario.meta.start
	);
}

/** Moves to a step; a step with no interaction is an ending. */
function enter(state: AttemptState, next: string): AttemptState {
	if (next === 'end') return { ...state, stepId: null, endingId: null };
	const step = stepOf(state.scenario, next);
	if (!step) throw new InvalidInput(`step "${next}" does not exist in this version of the scenario`);
	return step.interaction ? { ...state, stepId: next, endingId: null } : { ...state, stepId: null, endingId: next };
}

export function isFinished(state: AttemptState): boolean {
	return state.stepId === null;
}

/** Grades the learner's input at the current step and moves on. Pure: returns a new state. */
export function answer(state: AttemptState, input: Input): { state: AttemptState; outcome: Outcome } {
	if (state.stepId === null) throw new InvalidInput('the scenario is already finished');
	const step = stepOf(state.scenario, state.stepId);
	if (!step?.interaction) throw new InvalidInput(`step "${state.stepId}" does not exist in this version of the scenario`);
	const interaction = withVariant(step.interaction, state.variant);
	const grader = graderOf(interaction);
	const problem = grader.check(interaction.block, input);
	if (problem) throw new InvalidInput(`step "${step.id}": ${problem}`);
	const graded = grader.grade(interaction.block, input);

	let next = graded.next ?? 'end';
	let mood: Outcome['mood'];
	let newMood = state.mood;
	if (graded.moodDelta !== undefined && state.mood !== null) {
		const after = Math.min(MOOD_MAX, Math.max(MOOD_MIN, state.mood + graded.moodDelta));
		mood = { before: state.mood, after };
		newMood = after;
		const exit = interaction.kind === 'dialogue' ? interaction.block.exit : undefined;
		if (exit && after <= exit.atOrBelow) next = exit.next;
	}
	// A critical error ends nothing by itself: the author decides where it leads, the score records it.
	const outcome: Outcome = {
		stepId: step.id,
		input,
		feedback: graded.feedback,
		next: next === 'end' ? null : next,
		evidence: weigh(graded.evidence, stepWeight(interaction)),
		critical: graded.critical,
		mood,
		verdict: graded.verdict,
		marks: graded.marks
	};
	const moved = enter({ ...state, mood: newMood, outcomes: [...state.outcomes, outcome] }, next);
	return { state: moved, outcome };
}

/**
 * What the learner is asked to record is compared as text: a {{placeholder}} the variant fills must
 * be filled before comparing, or typing the chart's exact value could never match.
 */
function withVariant(interaction: Interaction, variant: Readonly<Record<string, string>>): Interaction {
	if (interaction.kind !== 'schedule' || !interaction.block.collect.some((c) => c.expect.some((e) => e.includes('{{')))) return interaction;
	const collect = interaction.block.collect.map((c) => ({ ...c, expect: c.expect.map((e) => fillTemplate(e, variant)) }));
	return { ...interaction, block: { ...interaction.block, collect } };
}

/** Rebuilds an attempt from its seed and inputs: how resume and the instructor's replay work. */
export function replay(scenario: Scenario, seed: number, inputs: readonly Input[]): AttemptState {
	return inputs.reduce((s, input) => answer(s, input).state, start(scenario, seed));
}

/** The seeded order in which the current step's options or items are shown. */
export function displayOrder(state: AttemptState, stepId: string): string[] {
	const interaction = stepOf(state.scenario, stepId)?.interaction;
	if (!interaction) return [];
	return shuffled(graderOf(interaction).choices(interaction.block), mix(state.seed, stepId));
}

/**
 * The attempt's score and whether it passed. `passMark` is the mark that rules the attempt: an
 * assignment's, when the attempt was made for one (stored with the attempt); the scenario's otherwise.
 */
export function summarize(state: AttemptState, passMark: number = state.scenario.meta.passMark): ScoreSummary {
	const byCompetency = totalsByCompetency(state.outcomes.flatMap((o) => o.evidence));
	const earned = Math.round(byCompetency.reduce((n, t) => n + t.earned, 0) * 100) / 100;
	const possible = Math.round(byCompetency.reduce((n, t) => n + t.possible, 0) * 100) / 100;
	const score = possible === 0 ? 0 : earned / possible;
	const critical = state.outcomes.flatMap((o) => (o.critical ? [o.critical] : []));
	const finished = isFinished(state);
	return {
		earned,
		possible,
		score,
		passMark,
		passed: finished && score >= passMark && critical.length === 0,
		finished,
		critical,
		byCompetency
	};
}
