import { error } from '@sveltejs/kit';
import { loaders, patientLoaders } from 'virtual:scenarios';
import { assignmentOfQuery } from '$lib/attempts';

// The player reads IndexedDB, so it renders in the browser; the prerendered shell makes deep links work on any static host.
export const ssr = false;

export function entries() {
	// The loaders' keys are the scenario ids: the catalog stays out of the player's code.
	return [...loaders.keys()].map((id) => ({ id }));
}

export async function load({ params, url }) {
	const loader = loaders.get(params.id);
	if (!loader) error(404, `There is no scenario "${params.id}".`);
	const [{ default: scenario }, { default: clinic }, { default: patients }] = await Promise.all([loader(), import('virtual:chart-world'), patientLoaders.get(params.id)!()]);
	const world = { ...clinic, patients };
	return { scenario, world, attemptId: url.searchParams.get('attempt'), fresh: url.searchParams.has('new'), deferFeedback: url.searchParams.get('feedback') === 'after', assignment: assignmentOfQuery(url.searchParams) };
}
