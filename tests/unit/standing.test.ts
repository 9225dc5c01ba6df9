import { describe, expect, it } from 'vitest';
import { Assignment } from '../../src/lib/assign/assignment';
import { assignmentStanding, countedAttempts, countedExamSessions, examStanding, scenarioStanding, type ExamScoring } from '../../src/lib/lms/standing';
import type { AttemptRecord, ExamSession } from '../../src/lib/db/types';
import type { SessionItem } from '../../src/lib/exam/session';

const CREATED = Date.UTC(2026, 8, 1);
const base = {
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-standing-01',
	title: 'Standing',
	attemptsAllowed: 2,
	passMark: 0.8,
	createdAt: CREATED
};
const scenariosOnly = Assignment.parse({ ...base, scenarios: ['s-one', 's-two'] });
const examOnly = Assignment.parse({ ...base, scenarios: [], exam: { framework: 'cmaa', items: 5 } });
const both = Assignment.parse({ ...base, scenarios: ['s-one'], exam: { framework: 'cmaa', items: 5 } });

let n = 0;
function attempt(scenarioId: string, startedAt: number, score: number | 'open', over: Partial<AttemptRecord> = {}): AttemptRecord {
	const open = score === 'open';
	return {
		id: `a-${++n}`,
		learnerId: 'l-1',
		scenarioId,
		contentHash: 'h',
		seed: 1,
		startedAt,
		updatedAt: startedAt + 60_000,
		...(open ? {} : { finishedAt: startedAt + 60_000 }),
		status: open ? 'in-progress' : score >= 0.8 ? 'passed' : 'failed',
		earned: open ? 0 : score * 10,
		possible: 10,
		score: open ? 0 : score,
		critical: [],
		evidence: [],
		inputCount: 1,
		...over
	};
}

// Five items in two domains; the key is always 'b'.
const items = new Map<string, SessionItem>(['q1', 'q2', 'q3', 'q4', 'q5'].map((id, i) => [id, { id, competency: i < 3 ? 'c.A' : 'c.B', difficulty: 2, key: 'b' }]));
const scoring: ExamScoring = { items, domainOf: (c) => c.slice(2), domainOrder: ['A', 'B'] };

/** A mock exam session for the assignment with `right` of its five items answered right. */
function session(startedAt: number, right: number | 'open', over: Partial<ExamSession> = {}): ExamSession {
	const ids = [...items.keys()];
	const answers = Object.fromEntries(ids.map((id, i) => [id, right !== 'open' && i < right ? 'b' : 'c'] as const));
	return {
		id: `x-${++n}`,
		learnerId: 'l-1',
		mode: 'mock',
		framework: 'cmaa',
		title: 'Mock',
		itemIds: ids,
		answers,
		marked: [],
		startedAt,
		durationMs: 6 * 60_000,
		...(right === 'open' ? {} : { submittedAt: startedAt + 120_000 }),
		answeredAt: Object.fromEntries(ids.map((id) => [id, startedAt + 1000])),
		assignmentId: base.id,
		...over
	};
}

const day = 86_400_000;

describe('standing: scenarios only', () => {
	it('takes the best finished attempt, passes at the pass mark, and averages over the scenarios', () => {
		const attempts = [attempt('s-one', CREATED + day, 0.6), attempt('s-one', CREATED + 2 * day, 0.9), attempt('s-two', CREATED + day, 'open')];
		const st = assignmentStanding(scenariosOnly, attempts);
		expect(st.exam).toBeUndefined();
		expect(st.scenarios.map((s) => [s.scenarioId, s.best, s.passed, s.finished, s.attempts.length])).toEqual([
			['s-one', 0.9, true, true, 2],
			['s-two', undefined, false, false, 1]
		]);
		expect(st.completed).toBe(false);
		expect(st.passed).toBe(false);
		expect(st.score).toBeCloseTo(0.45);
		const done = assignmentStanding(scenariosOnly, [...attempts.slice(0, 2), attempt('s-two', CREATED + day, 0.8)]);
		expect([done.completed, done.passed]).toEqual([true, true]);
		expect(done.score).toBeCloseTo(0.85);
	});
	it('does not pass a scenario on an attempt with a critical error', () => {
		const st = scenarioStanding(scenariosOnly, [attempt('s-one', CREATED + day, 0.95, { critical: ['disclosed PHI'], status: 'failed' })], 's-one');
		expect(st).toMatchObject({ best: 0.95, passed: false, finished: true });
	});
	it('ignores attempts beyond the allowed count and attempts before the assignment was made', () => {
		const before = attempt('s-one', CREATED - 1, 1);
		const first = attempt('s-one', CREATED + 3 * day, 0.5);
		const second = attempt('s-one', CREATED + day, 0.4);
		const third = attempt('s-one', CREATED + 5 * day, 1);
		// Oldest first, whatever order the store returns them in.
		expect(countedAttempts(scenariosOnly, [third, before, first, second], 's-one').map((a) => a.id)).toEqual([second.id, first.id]);
		const st = scenarioStanding(scenariosOnly, [third, before, first, second], 's-one');
		expect(st.best).toBe(0.5);
		expect(st.passed).toBe(false);
	});
});

describe('standing: exam only', () => {
	it('scores the exam with the exam hub scoring, by domain, and passes at the pass mark', () => {
		const st = assignmentStanding(examOnly, [], { sessions: [session(CREATED + day, 3), session(CREATED + 2 * day, 4)], scoring });
		expect(st.scenarios).toEqual([]);
		expect(st.exam).toMatchObject({ best: 0.8, passed: true, finished: true });
		expect(st.exam!.scores.map((x) => x.share)).toEqual([0.6, 0.8]);
		expect(st.exam!.scores[1]!.score.byDomain).toEqual([
			{ domain: 'A', correct: 3, total: 3 },
			{ domain: 'B', correct: 1, total: 2 }
		]);
		expect([st.completed, st.passed, st.score]).toEqual([true, true, 0.8]);
	});
	it('is not completed while the only session is open, and counts nothing without the sessions', () => {
		const open = assignmentStanding(examOnly, [], { sessions: [session(CREATED + day, 'open')], scoring });
		expect(open.exam).toMatchObject({ passed: false, finished: false });
		expect(open.exam!.sessions).toHaveLength(1);
		expect([open.completed, open.passed, open.score]).toEqual([false, false, 0]);
		expect(assignmentStanding(examOnly, []).exam).toEqual({ sessions: [], scores: [], passed: false, finished: false });
	});
	it('counts a session whose time ran out (the tab closed) as submitted at time-out, given the time', () => {
		const s = session(CREATED + day, 'open', { answers: { q1: 'b', q2: 'b', q3: 'b', q4: 'b' } });
		expect(examStanding(examOnly, [s], scoring, CREATED + day + 60_000).finished).toBe(false);
		const late = examStanding(examOnly, [s], scoring, CREATED + day + 6 * 60_000);
		expect(late).toMatchObject({ best: 0.8, passed: true, finished: true });
		expect(late.scores[0]!.submittedAt).toBe(CREATED + day + 6 * 60_000);
	});
	it('ignores sessions beyond the allowed count, before the assignment, for another assignment, or not mock exams', () => {
		const sessions = [
			session(CREATED + 3 * day, 5),
			session(CREATED - 1, 5),
			session(CREATED + day, 2),
			session(CREATED + 2 * day, 1),
			session(CREATED + day, 5, { assignmentId: 'asg-another-01' }),
			session(CREATED + day, 5, { assignmentId: undefined }),
			session(CREATED + day, 5, { mode: 'practice' })
		];
		expect(countedExamSessions(examOnly, sessions).map((s) => s.startedAt)).toEqual([CREATED + day, CREATED + 2 * day]);
		const st = examStanding(examOnly, sessions, scoring);
		expect(st.best).toBe(0.4);
		expect(st.passed).toBe(false);
	});
});

describe('standing: scenarios and an exam', () => {
	it('counts the exam as one part: completed and passed need it, the score is the mean over the parts', () => {
		const attempts = [attempt('s-one', CREATED + day, 1)];
		const without = assignmentStanding(both, attempts, { sessions: [], scoring });
		expect([without.completed, without.passed, without.score]).toEqual([false, false, 0.5]);
		const failed = assignmentStanding(both, attempts, { sessions: [session(CREATED + day, 2)], scoring });
		expect([failed.completed, failed.passed]).toEqual([true, false]);
		expect(failed.score).toBeCloseTo(0.7);
		const passed = assignmentStanding(both, attempts, { sessions: [session(CREATED + day, 2), session(CREATED + 2 * day, 5)], scoring });
		expect([passed.completed, passed.passed, passed.score]).toEqual([true, true, 1]);
		// A failed scenario fails the assignment even with the exam passed.
		const scenarioFailed = assignmentStanding(both, [attempt('s-one', CREATED + day, 0.5)], { sessions: [session(CREATED + day, 5)], scoring });
		expect([scenarioFailed.completed, scenarioFailed.passed, scenarioFailed.score]).toEqual([true, false, 0.75]);
	});
});

describe('an assignment needs a scenario or an exam', () => {
	it('refuses one with neither, by name', () => {
		const r = Assignment.safeParse({ ...base, scenarios: [] });
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]).toMatchObject({ path: ['scenarios'], message: 'an assignment needs at least one scenario, shift or exam' });
		expect(Assignment.safeParse({ ...base, scenarios: [], exam: { framework: 'cmaa', items: 4 } }).success).toBe(false);
		expect(Assignment.safeParse({ ...base, scenarios: [], exam: { framework: 'cmaa', items: 111 } }).success).toBe(false);
	});
});
