import type { Interaction, Scenario, Step } from './schema/scenario';

/**
 * The step with this id, or undefined. Own keys only: ids come from authored text and stored
 * attempts, and "constructor" must not find Object's constructor. Kept apart from the schemas so the
 * engine (in every page) does not pull zod in with it.
 */
export function stepOf(scenario: Pick<Scenario, 'steps'>, id: string): Step | undefined {
	return Object.hasOwn(scenario.steps, id) ? scenario.steps[id] : undefined;
}

/** The interaction kinds a scenario's steps use, each once: what its graders and components are. */
export function kindsOf(scenario: Pick<Scenario, 'steps'>): Interaction['kind'][] {
	return [...new Set(Object.values(scenario.steps).flatMap((s) => s.interaction?.kind ?? []))];
}
