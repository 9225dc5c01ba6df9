/**
 * A scenario of an assignment, shipped with the app or carried inside the assignment (an
 * instructor's own, checked again here with the build's rules). Browser side: it loads content lazily.
 */
import type { Assignment } from './assign/assignment';
import type { Scenario } from './content/schema/scenario';

export async function loadAssignmentScenario(assignment: Pick<Assignment, 'custom'>, id: string): Promise<Scenario | undefined> {
	const { loaders } = await import('virtual:scenarios');
	const loader = loaders.get(id);
	if (loader) return (await loader()).default;
	const source = assignment.custom.find((c) => c.id === id)?.source;
	if (!source) return undefined;
	const [{ checkAuthored }, world, catalog] = await Promise.all([import('./authoring'), import('virtual:world'), import('virtual:catalog')]);
	return checkAuthored(source, world.default, catalog.default.frameworks, new Set(catalog.default.scenarios.map((s) => s.id))).scenario;
}
