import type { Interaction } from './schema/scenario';

/** Parses "earned/possible" (already validated by the schema). */
export function parsePoints(points: string): { earned: number; possible: number } {
	const [earned, possible] = points.split('/').map(Number);
	return { earned: earned!, possible: possible! };
}

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
	verify: 6,
	inbox: 6,
	index: 6,
	match: 6,
	audit: 6,
	report: 6
};

export function stepWeight(interaction: Interaction): number | undefined {
	return interaction.block.weight ?? DEFAULT_WEIGHT[interaction.kind];
}

/** The most a step can add to its scenario's possible points (the balance warning, the record limit). */
export function stepWorth(interaction: Interaction): number {
	const w = stepWeight(interaction);
	if (w !== undefined) return w;
	const options = interaction.kind === 'choice' ? interaction.block.options : interaction.kind === 'dialogue' ? interaction.block.replies : [];
	return Math.max(0, ...options.map((o) => Object.values(o.evidence).reduce((n, p) => n + parsePoints(p).possible, 0)));
}
