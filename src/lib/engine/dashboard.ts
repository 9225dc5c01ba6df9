/**
 * What the progress dashboard shows, derived from the attempts' stored summaries (never by replaying
 * inputs): mastery by domain, its trend, time on task, completions by kind, and what to practise next.
 */
import { computeEstimates, computeMastery, type Mastery } from './mastery';
import type { Evidence } from './types';

export interface DashboardAttempt {
	id: string;
	scenarioId: string;
	status: 'in-progress' | 'passed' | 'failed';
	score: number;
	startedAt: number;
	updatedAt: number;
	evidence: Evidence[];
}

export interface FrameworkShape {
	id: string;
	name: string;
	domains: { id: string; name: string; competencies: { id: string; statement: string }[] }[];
}

export interface ScenarioShape {
	id: string;
	title: string;
	kind: string;
	competencies: string[];
	minutes: number;
}

const byTime = (attempts: readonly DashboardAttempt[]) => [...attempts].sort((a, b) => a.updatedAt - b.updatedAt);

/** Pools every competency's evidence into its domain: one estimate, with its interval, per domain. */
export function domainMastery(attempts: readonly DashboardAttempt[], framework: FrameworkShape): Map<string, Mastery> {
	const domainOf = new Map(framework.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const)));
	const events = byTime(attempts).flatMap((a) => a.evidence.flatMap((e) => (domainOf.has(e.competency) ? [{ ...e, competency: domainOf.get(e.competency)! }] : [])));
	return computeMastery(events);
}

export interface TrendPoint {
	day: string;
	/** Domain id → estimate after that day's work (absent before any evidence). */
	estimates: Record<string, number>;
}

/** The domain estimates at the end of each day the learner worked, oldest first (at most `days` points). */
export function domainTrend(attempts: readonly DashboardAttempt[], framework: FrameworkShape, days = 60): TrendPoint[] {
	const domainOf = new Map(framework.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const)));
	const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
	const sorted = byTime(attempts).filter((a) => a.evidence.length);
	const ends = new Set([...new Set(sorted.map((a) => dayOf(a.updatedAt)))].slice(-days));
	const events: Evidence[] = [];
	const out: TrendPoint[] = [];
	sorted.forEach((a, i) => {
		for (const e of a.evidence) if (domainOf.has(e.competency)) events.push({ ...e, competency: domainOf.get(e.competency)! });
		const day = dayOf(a.updatedAt);
		const lastOfDay = i === sorted.length - 1 || dayOf(sorted[i + 1]!.updatedAt) !== day;
		if (lastOfDay && ends.has(day)) out.push({ day, estimates: Object.fromEntries(computeEstimates(events)) });
	});
	return out;
}

/**
 * Time on task per scenario kind, in minutes: from opening an attempt to its last decision, at most
 * an hour per attempt (an attempt left open overnight is not an evening of work).
 */
export function timeOnTask(attempts: readonly DashboardAttempt[], scenarios: readonly ScenarioShape[]): { kind: string; minutes: number }[] {
	const kindOf = new Map(scenarios.map((s) => [s.id, s.kind]));
	const by = new Map<string, number>();
	for (const a of attempts) {
		const kind = kindOf.get(a.scenarioId) ?? 'other';
		by.set(kind, (by.get(kind) ?? 0) + Math.min(60, Math.max(0, (a.updatedAt - a.startedAt) / 60_000)));
	}
	return [...by].map(([kind, minutes]) => ({ kind, minutes: Math.round(minutes) })).sort((a, b) => b.minutes - a.minutes);
}

/** Scenarios of each kind: how many exist, were tried, were passed. */
export function completionsByKind(attempts: readonly DashboardAttempt[], scenarios: readonly ScenarioShape[]): { kind: string; total: number; tried: number; passed: number }[] {
	const kinds = [...new Set(scenarios.map((s) => s.kind))];
	return kinds.map((kind) => {
		const ids = new Set(scenarios.filter((s) => s.kind === kind).map((s) => s.id));
		const mine = attempts.filter((a) => ids.has(a.scenarioId));
		return { kind, total: ids.size, tried: new Set(mine.map((a) => a.scenarioId)).size, passed: new Set(mine.filter((a) => a.status === 'passed').map((a) => a.scenarioId)).size };
	});
}

export interface Recommendation {
	scenarioId: string;
	title: string;
	/** Higher is more useful to practise now. */
	priority: number;
	/** Why, in plain words, naming the weakest competency it trains. */
	reason: string;
	competency: string;
}

/**
 * How much a competency needs practice: low estimates and wide intervals (thin evidence) need it
 * most; a mastered competency needs none. No evidence at all counts as very uncertain.
 */
export function need(m: Mastery | undefined): number {
	if (!m || m.points === 0) return 0.95;
	if (m.level === 'mastered') return 0;
	return 1 - m.estimate + (m.high - m.low) / 2;
}

/**
 * Scenarios ranked by how much they train the learner's weakest, least-known competencies. Passed
 * scenarios come last (their content is known); one in progress is not repeated.
 */
export function recommend(scenarios: readonly ScenarioShape[], mastery: Map<string, Mastery>, attempts: readonly DashboardAttempt[], statementOf: (id: string) => string, limit = 5): Recommendation[] {
	const passed = new Set(attempts.filter((a) => a.status === 'passed').map((a) => a.scenarioId));
	const open = new Set(attempts.filter((a) => a.status === 'in-progress').map((a) => a.scenarioId));
	const ranked = scenarios.map((s) => {
		const needs = s.competencies.map((c) => ({ c, n: need(mastery.get(c)) })).sort((a, b) => b.n - a.n);
		const top = needs.slice(0, 3);
		const base = top.reduce((sum, x) => sum + x.n, 0) / Math.max(1, top.length);
		const priority = base - (passed.has(s.id) ? 0.5 : 0) - (open.has(s.id) ? 0.1 : 0);
		const weakest = needs[0]!;
		const m = mastery.get(weakest.c);
		const state = !m || m.points === 0 ? 'no evidence yet' : `${m.level === 'needs-work' ? 'needs work' : m.level}, about ${Math.round(m.estimate * 100)}% from ${m.points} point${m.points === 1 ? '' : 's'} of evidence`;
		return { scenarioId: s.id, title: s.title, priority, competency: weakest.c, reason: `Trains “${statementOf(weakest.c)}”: ${state}.` };
	});
	return ranked.filter((r) => r.priority > 0).sort((a, b) => b.priority - a.priority || a.title.localeCompare(b.title)).slice(0, limit);
}
