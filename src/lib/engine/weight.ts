import type { Interaction, Scenario } from '../content/schema/scenario';
import { parsePoints } from '../content/points';
import type { Evidence } from './types';

/**
 * What a step is worth when its author sets no `weight`. A step counts for what it teaches, not for
 * how many fields or options it has: a claim form of 40 checked fields would otherwise outweigh
 * every decision of its scenario, and a pick-all of 5 options × 2 competencies count 10 against a
 * choice's 2. Choice and dialogue steps keep their authored points.
 */
export const DEFAULT_WEIGHT: Readonly<Partial<Record<Interaction['kind'], number>>> = {
	'multi-choice': 4,
	triage: 4,
	schedule: 6,
	code: 6,
	claim: 6,
	remittance: 6,
	verify: 6
};

export function stepWeight(interaction: Interaction): number | undefined {
	return interaction.block.weight ?? DEFAULT_WEIGHT[interaction.kind];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Scales one graded answer's evidence so its points total the step's weight (none: unchanged). */
export function weigh(evidence: Evidence[], weight: number | undefined): Evidence[] {
	if (weight === undefined) return evidence;
	const possible = evidence.reduce((n, e) => n + e.possible, 0);
	if (possible === 0) return evidence;
	const f = weight / possible;
	return evidence.map((e) => ({ competency: e.competency, earned: round2(e.earned * f), possible: round2(e.possible * f) }));
}

/** The most a step can add to its scenario's possible points: for the author's balance warning. */
export function stepWorth(interaction: Interaction): number {
	const w = stepWeight(interaction);
	if (w !== undefined) return w;
	const options = interaction.kind === 'choice' ? interaction.block.options : interaction.kind === 'dialogue' ? interaction.block.replies : [];
	return Math.max(0, ...options.map((o) => Object.values(o.evidence).reduce((n, p) => n + parsePoints(p).possible, 0)));
}

/** Above this share (twice the rest together), one step decides the score whatever else is done. */
export const MAX_STEP_SHARE = 2 / 3;

/** Warns when one step outweighs the rest of its scenario together (with its line, for authors). */
export function balanceWarnings(scenario: Pick<Scenario, 'steps' | 'stepOrder'>): { line: number; message: string }[] {
	const steps = scenario.stepOrder.map((id) => scenario.steps[id]!).filter((s) => s.interaction);
	if (steps.length < 2) return [];
	const worth = steps.map((s) => stepWorth(s.interaction!));
	const total = worth.reduce((n, w) => n + w, 0);
	return steps.flatMap((s, i) =>
		total > 0 && worth[i]! / total > MAX_STEP_SHARE
			? [{ line: s.interaction!.line, message: `step "${s.id}" is worth ${worth[i]} of the scenario's ${total} points, so it decides the score alone: give it a smaller \`weight:\` or the other steps more points` }]
			: []
	);
}
