/**
 * The catalog's "What to practise next" order and the newcomer's "Start here" path, derived from the
 * attempts' stored summaries (pure: no storage, no clock).
 */
import { need } from './dashboard';
import { computeMastery } from './mastery';
import { countedSoFar, evidenceTimeline, scenarioProgress, type AttemptSummary } from './progress';

export interface PractiseScenario {
	id: string;
	difficulty: number;
	competencies: readonly string[];
}

/** Where a scenario falls in the order: still on the start path, not passed yet, or passed. */
export type PractiseGroup = 'start-here' | 'not-passed' | 'passed';

export interface PractiseItem {
	id: string;
	group: PractiseGroup;
}

/**
 * Unfinished start-path scenarios first, in the path's order (a failed one is not finished: it is not
 * passed); then every other scenario not passed yet, those training the weakest, least-known
 * competencies first (the dashboard's `need`, top three averaged), easier first on a tie; passed ones
 * last, by the same need. Scenarios absent from `scenarios` are ignored wherever they are named.
 */
export function practiseNext(scenarios: readonly PractiseScenario[], startPath: readonly string[], attempts: readonly AttemptSummary[]): PractiseItem[] {
	const progress = scenarioProgress(attempts);
	const mastery = computeMastery(evidenceTimeline(attempts.map(countedSoFar)));
	const passed = (id: string) => progress.get(id)?.status === 'passed';
	const known = new Map(scenarios.map((s, i) => [s.id, { s, i }]));
	const start = startPath.filter((id, i) => known.has(id) && !passed(id) && startPath.indexOf(id) === i);
	const onStart = new Set(start);
	const needOf = (s: PractiseScenario) => {
		const top = s.competencies.map((c) => need(mastery.get(c))).sort((a, b) => b - a).slice(0, 3);
		return top.reduce((sum, n) => sum + n, 0) / Math.max(1, top.length);
	};
	const ranked = scenarios
		.filter((s) => !onStart.has(s.id))
		.map((s) => ({ s, n: needOf(s), i: known.get(s.id)!.i }))
		.sort((a, b) => b.n - a.n || a.s.difficulty - b.s.difficulty || a.i - b.i);
	return [
		...start.map((id) => ({ id, group: 'start-here' as const })),
		...ranked.filter((r) => !passed(r.s.id)).map((r) => ({ id: r.s.id, group: 'not-passed' as const })),
		...ranked.filter((r) => passed(r.s.id)).map((r) => ({ id: r.s.id, group: 'passed' as const }))
	];
}
