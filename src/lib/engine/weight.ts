import type { Scenario } from '../content/schema/scenario';
import { stepWorth } from '../content/points';
import type { Evidence } from './types';

// Step worth lives with the content (the content check bounds a scenario's points by it).
export { DEFAULT_WEIGHT, stepWeight, stepWorth } from '../content/points';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Scales one graded answer's evidence so its points total the step's weight (none: unchanged). */
export function weigh(evidence: Evidence[], weight: number | undefined): Evidence[] {
	if (weight === undefined) return evidence;
	const possible = evidence.reduce((n, e) => n + e.possible, 0);
	if (possible === 0) return evidence;
	const f = weight / possible;
	return evidence.map((e) => ({ competency: e.competency, earned: round2(e.earned * f), possible: round2(e.possible * f) }));
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
