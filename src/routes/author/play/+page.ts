import catalog from 'virtual:catalog';
import { assignmentOfQuery } from '$lib/attempts';

// The scenario is the author's own, stored in this browser: rendered client-side only.
export const ssr = false;

export function load({ url }) {
	return {
		frameworks: catalog.frameworks, shipped: catalog.scenarios.map((s) => s.id), id: url.searchParams.get('id'), attemptId: url.searchParams.get('attempt'), fresh: url.searchParams.has('new'),
		// Played from an assignment's link: its feedback mode and pass mark, as for a shipped scenario (play/[id]).
		deferFeedback: url.searchParams.get('feedback') === 'after',
		assignment: assignmentOfQuery(url.searchParams)
	};
}
