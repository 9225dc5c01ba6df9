import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { loaders } from 'virtual:scenarios';
import { assignmentOfQuery } from '$lib/attempts';

// Prerendered with the scenario's heading and opening situation (ScenarioPreview), so the page reads at
// once on a slow link; the player, which reads IndexedDB, takes over in the browser.

export function entries() {
	// The loaders' keys are the scenario ids: the catalog stays out of the player's code.
	return [...loaders.keys()].map((id) => ({ id }));
}

export async function load({ params, url }) {
	const loader = loaders.get(params.id);
	if (!loader) error(404, `There is no scenario "${params.id}".`);
	const [{ default: scenario, patients }, { default: clinic }] = await Promise.all([loader(), import('virtual:chart-world')]);
	const world = { ...clinic, patients };
	// A prerendered page has no query: the attempt, a fresh start and the assignment are the browser's to read.
	const query = browser ? url.searchParams : new URLSearchParams();
	return { scenario, world, attemptId: query.get('attempt'), fresh: query.has('new'), deferFeedback: query.get('feedback') === 'after', assignment: assignmentOfQuery(query) };
}
