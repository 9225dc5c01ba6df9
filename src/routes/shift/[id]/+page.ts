import { error } from '@sveltejs/kit';
import { shiftLoaders } from 'virtual:shifts';
import { assignmentOfQuery } from '$lib/attempts';

// The shift screen reads IndexedDB, so it renders in the browser; the prerendered shell makes deep links work.
export const ssr = false;

export function entries() {
	return [...shiftLoaders.keys()].map((id) => ({ id }));
}

export async function load({ params, url }) {
	const loader = shiftLoaders.get(params.id);
	if (!loader) error(404, `There is no shift "${params.id}".`);
	const [{ default: shift }, { default: world }] = await Promise.all([loader(), import('virtual:world')]);
	return { shift, world, runId: url.searchParams.get('run'), fresh: url.searchParams.has('new'), deferFeedback: url.searchParams.get('feedback') === 'after', assignment: assignmentOfQuery(url.searchParams) };
}
