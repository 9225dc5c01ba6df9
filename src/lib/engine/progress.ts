import type { Evidence } from './types';

/** The slice of a stored attempt that progress views need (kept free of the db layer). */
export interface AttemptSummary {
	scenarioId: string;
	status: 'in-progress' | 'passed' | 'failed';
	score: number;
	updatedAt: number;
	evidence: Evidence[];
	/** The assignment holds feedback back until the attempt is finished (see countedSoFar). */
	feedback?: 'after';
}

export type ScenarioStatus = 'new' | 'in-progress' | 'passed' | 'failed';

export interface ScenarioProgress {
	status: ScenarioStatus;
	/** Best score of a finished attempt, if any. */
	best?: number;
	attempts: number;
}

/** Catalog status per scenario: passed beats failed; an attempt in progress is shown as such. */
export function scenarioProgress(attempts: readonly AttemptSummary[]): Map<string, ScenarioProgress> {
	const out = new Map<string, ScenarioProgress>();
	for (const a of attempts) {
		const p = out.get(a.scenarioId) ?? { status: 'new', attempts: 0 };
		p.attempts++;
		if (a.status !== 'in-progress') p.best = Math.max(p.best ?? 0, a.score);
		const rank: Record<ScenarioStatus, number> = { new: 0, failed: 1, 'in-progress': 2, passed: 3 };
		if (rank[a.status] > rank[p.status]) p.status = a.status;
		out.set(a.scenarioId, p);
	}
	return out;
}

/**
 * An attempt (or shift run) as mastery, the dashboard and the practise-next order count it: one still
 * open whose assignment holds feedback back gives no evidence until it is finished, or the estimates,
 * moving after each answer, would say which answers were right.
 */
export function countedSoFar<A extends { status: string; feedback?: 'after'; evidence: readonly Evidence[] }>(attempt: A): A {
	return attempt.feedback === 'after' && attempt.status === 'in-progress' ? ({ ...attempt, evidence: [] } as A) : attempt;
}

/** All evidence in the order it was earned, for mastery. */
export function evidenceTimeline(attempts: readonly AttemptSummary[]): Evidence[] {
	return [...attempts].sort((a, b) => a.updatedAt - b.updatedAt).flatMap((a) => a.evidence);
}

/** Earned and possible points per competency, in first-seen order. */
export function totalsByCompetency(evidence: readonly Evidence[]): { competency: string; earned: number; possible: number }[] {
	const by = new Map<string, { earned: number; possible: number }>();
	for (const e of evidence) {
		const t = by.get(e.competency) ?? { earned: 0, possible: 0 };
		by.set(e.competency, { earned: t.earned + e.earned, possible: t.possible + e.possible });
	}
	// Step weights make fractional points: keep sums to hundredths so 2.67 + 1.33 shows as 4.
	const r2 = (x: number) => Math.round(x * 100) / 100;
	return [...by].map(([competency, t]) => ({ competency, earned: r2(t.earned), possible: r2(t.possible) }));
}

/** The start path with each step's status: done once passed; the first not done is the one to open next. */
export function startPathStatus(startPath: readonly string[], attempts: readonly AttemptSummary[]): { id: string; done: boolean; next: boolean }[] {
	const progress = scenarioProgress(attempts);
	const done = startPath.map((id) => progress.get(id)?.status === 'passed');
	const next = done.indexOf(false);
	return startPath.map((id, i) => ({ id, done: done[i]!, next: i === next }));
}
