import { describe, expect, it } from 'vitest';
import { completionsByKind, domainMastery, domainTrend, need, recommend, timeOnTask, type DashboardAttempt, type FrameworkShape, type ScenarioShape } from '../../src/lib/engine/dashboard';
import { computeMastery } from '../../src/lib/engine/mastery';
import { evidenceTimeline } from '../../src/lib/engine/progress';

const fw: FrameworkShape = {
	id: 'cmaa',
	name: 'CMAA',
	domains: [
		{ id: 'sched', name: 'Scheduling', competencies: [{ id: 's1', statement: 'Book' }, { id: 's2', statement: 'Triage' }] },
		{ id: 'bill', name: 'Billing', competencies: [{ id: 'b1', statement: 'Code' }, { id: 'b2', statement: 'Post' }] }
	]
};
const scenarios: ScenarioShape[] = [
	{ id: 'book-it', title: 'Book it', kind: 'scheduling', competencies: ['s1'], minutes: 10 },
	{ id: 'triage-it', title: 'Triage it', kind: 'scheduling', competencies: ['s2'], minutes: 10 },
	{ id: 'code-it', title: 'Code it', kind: 'coding', competencies: ['b1'], minutes: 10 },
	{ id: 'post-it', title: 'Post it', kind: 'payments', competencies: ['b2'], minutes: 10 }
];
const DAY = 86_400_000;
let n = 0;
const attempt = (scenarioId: string, day: number, evidence: [string, number, number][], status: DashboardAttempt['status'] = 'passed', minutes = 10): DashboardAttempt => ({
	id: `a${++n}`,
	scenarioId,
	status,
	score: 1,
	startedAt: Date.UTC(2026, 10, 1) + day * DAY,
	updatedAt: Date.UTC(2026, 10, 1) + day * DAY + minutes * 60_000,
	evidence: evidence.map(([competency, earned, possible]) => ({ competency, earned, possible }))
});

describe('mastery by domain', () => {
	it('pools the competencies of a domain, and more right answers raise its estimate', () => {
		const weak = domainMastery([attempt('book-it', 0, [['s1', 1, 4], ['s2', 1, 4]], 'failed')], fw);
		const strong = domainMastery([attempt('book-it', 0, [['s1', 4, 4], ['s2', 4, 4]])], fw);
		expect(weak.get('sched')!.points).toBe(8);
		expect(strong.get('sched')!.estimate).toBeGreaterThan(weak.get('sched')!.estimate);
		expect(weak.has('bill')).toBe(false);
	});

	it('narrows its range as evidence grows', () => {
		const one = domainMastery([attempt('code-it', 0, [['b1', 2, 2]])], fw).get('bill')!;
		const many = domainMastery(Array.from({ length: 10 }, (_, i) => attempt('code-it', i, [['b1', 2, 2]])), fw).get('bill')!;
		expect(many.high - many.low).toBeLessThan(one.high - one.low);
	});

	it('traces the estimate day by day', () => {
		const t = domainTrend([attempt('book-it', 0, [['s1', 0, 2]], 'failed'), attempt('book-it', 2, [['s1', 2, 2]]), attempt('book-it', 2, [['s1', 2, 2]])], fw);
		expect(t.map((p) => p.day)).toEqual(['2026-11-01', '2026-11-03']);
		expect(t[1]!.estimates.sched!).toBeGreaterThan(t[0]!.estimates.sched!);
		expect(t[0]!.estimates.bill).toBeUndefined();
	});

	it("ends the trend at today's estimate", () => {
		const attempts = Array.from({ length: 9 }, (_, i) => attempt(i % 2 ? 'book-it' : 'code-it', Math.floor(i / 2), [['s1', i % 3, 2], ['b1', 1, 2]]));
		const last = domainTrend(attempts, fw).at(-1)!;
		const now = domainMastery(attempts, fw);
		expect(last.estimates.sched).toBeCloseTo(now.get('sched')!.estimate, 10);
		expect(last.estimates.bill).toBeCloseTo(now.get('bill')!.estimate, 10);
	});
});

describe('completions and time on task', () => {
	it('counts scenarios tried and passed per kind, each scenario once', () => {
		const rows = completionsByKind([attempt('book-it', 0, [], 'failed'), attempt('book-it', 1, []), attempt('book-it', 2, []), attempt('code-it', 0, [], 'in-progress')], scenarios);
		expect(rows).toEqual([
			{ kind: 'scheduling', total: 2, tried: 1, passed: 1 },
			{ kind: 'coding', total: 1, tried: 1, passed: 0 },
			{ kind: 'payments', total: 1, tried: 0, passed: 0 }
		]);
	});
	it('adds minutes per kind, an attempt left open counting at most an hour', () => {
		expect(timeOnTask([attempt('book-it', 0, [], 'passed', 12), attempt('triage-it', 0, [], 'passed', 600), attempt('code-it', 0, [], 'passed', 5)], scenarios)).toEqual([
			{ kind: 'scheduling', minutes: 72 },
			{ kind: 'coding', minutes: 5 }
		]);
	});
});

describe('practise next', () => {
	const rank = (attempts: DashboardAttempt[]) => recommend(scenarios, computeMastery(evidenceTimeline(attempts)), attempts, (c) => c).map((r) => r.scenarioId);

	it('puts the weakest competency first, then the ones with no evidence, and says why', () => {
		const attempts = [
			attempt('code-it', 0, [['b1', 0, 6]], 'failed'),
			...Array.from({ length: 6 }, (_, i) => attempt('book-it', i, [['s1', 3, 3]]))
		];
		const recs = recommend(scenarios, computeMastery(evidenceTimeline(attempts)), attempts, (c) => `statement ${c}`);
		expect(recs[0]).toMatchObject({ scenarioId: 'code-it', competency: 'b1' });
		expect(recs[0]!.reason).toMatch(/Trains “statement b1”: needs work, about \d+% from 6 points of evidence\./);
		expect(recs.slice(1, 3).map((r) => r.scenarioId).sort()).toEqual(['post-it', 'triage-it']);
		expect(recs.find((r) => r.scenarioId === 'triage-it')!.reason).toMatch(/no evidence yet/);
		// Mastered and passed: nothing left to gain.
		expect(recs.map((r) => r.scenarioId)).not.toContain('book-it');
	});

	it('ranks a competency with thin evidence above one with the same estimate and more evidence', () => {
		const thin = computeMastery([{ competency: 'x', earned: 1, possible: 2 }]).get('x');
		const thick = computeMastery(Array.from({ length: 20 }, () => ({ competency: 'x', earned: 1, possible: 2 }))).get('x');
		expect(need(thin)).toBeGreaterThan(need(thick));
		expect(need(undefined)).toBeGreaterThan(need(thick));
	});

	it('moves a scenario down once it is passed', () => {
		const before = rank([attempt('post-it', 0, [['b2', 1, 4]], 'failed')]);
		const after = rank([attempt('post-it', 0, [['b2', 1, 4]], 'failed'), attempt('post-it', 1, [['b2', 2, 4]])]);
		expect(before[0]).toBe('post-it');
		expect(after.indexOf('post-it')).toBeGreaterThan(0);
	});
});
