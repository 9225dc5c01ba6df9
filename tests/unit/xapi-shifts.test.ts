/**
 * xAPI for an assignment's shifts: each counted run reaches the LRS as attempted, then completed and
 * passed or failed with its score and duration, and each answer given in its tasks as a decision, all
 * with ids that are the same however often they are derived. A run worked outside the assignment
 * (practice, or another assignment) sends nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import type { ShiftRun } from '../../src/lib/db/types';
import { shiftDecisionsOf, type ShiftDecision } from '../../src/lib/lms/shift-decisions';
import { assignmentStanding } from '../../src/lib/lms/standing';
import { VERBS, buildStatements, competenciesExtension, criticalExtension, shiftIri, type Statement, type XapiInput } from '../../src/lib/lms/xapi';
import { loadShiftGraders } from '../../src/lib/shift-runs';
import { storedRun } from '../support/shift-player';
import { statementProblem, UUID } from '../support/xapi-spec.mjs';
import { learningLockerProblem } from '../support/xapi-validation.mjs';

const content = loadContent(readContentFiles()).content!;
const shift = content.shifts.find((s) => s.meta.id === 'morning-rush')!;
const APP = 'https://college.example/sim/';
const ACCOUNT = { homePage: 'https://lms.college.example', name: 'S1234567' };
const SHIFT = `${APP}xapi/shift/morning-rush`;
const ASSIGNMENT = `${APP}xapi/assignment/week5-shifts-01`;

const assignment: XapiInput['assignment'] & { shifts: string[] } = {
	id: 'week5-shifts-01',
	title: 'Week 5: a morning at the desk',
	instructions: 'Work the morning shift.',
	scenarios: [],
	shifts: [shift.meta.id],
	createdAt: 1_000,
	attemptsAllowed: 3,
	passMark: 0.7
};

/** A run the test player worked, stored as the app stores it (made from the assignment's link unless `assignmentId` says otherwise). */
function run(id: string, how: 'best' | 'worst', startedAt: number, opts: { assignmentId?: string | null; inputs?: number } = {}): ShiftRun {
	const assignmentId = opts.assignmentId === undefined ? assignment.id : opts.assignmentId;
	return storedRun(shift, { id, how, startedAt, updatedAt: startedAt + 25 * 60_000, learnerId: 'learner-1', ...(opts.inputs === undefined ? {} : { inputs: opts.inputs }), ...(assignmentId ? { assignment: { id: assignmentId, passMark: assignment.passMark } } : {}) });
}

/** What xapi-sync derives: the standing, the counted runs' answers, the statements. */
function derive(runs: ShiftRun[]) {
	const standing = assignmentStanding(assignment, [], undefined, runs);
	const shiftDecisions: ShiftDecision[] = [];
	for (const r of standing.shifts.flatMap((s) => s.runs)) {
		const d = shiftDecisionsOf(shift, r as ShiftRun);
		if (!d.ok) throw new Error(d.error);
		shiftDecisions.push(...d.decisions);
	}
	const statements = buildStatements({
		assignment,
		learner: { id: 'learner-1', name: 'Ana Lopez' },
		account: ACCOUNT,
		appUrl: APP,
		standing,
		decisions: [],
		launches: [2_000],
		scenarios: new Map(),
		shifts: new Map([[shift.meta.id, { title: shift.meta.title, summary: shift.meta.summary }]]),
		shiftDecisions
	});
	return { standing, shiftDecisions, statements };
}

const verbOf = (s: Statement) => Object.entries(VERBS).find(([, iri]) => iri === s.verb.id)![0];
const aboutShift = (list: Statement[]) => list.filter((s) => s.object.id === SHIFT || s.object.id.startsWith(`${SHIFT}/`));
const ofRun = (list: Statement[], registration: string) => list.filter((s) => s.context.registration === registration);

beforeAll(() => loadShiftGraders(shift));

describe('a counted shift run in the LRS', () => {
	let worst: ShiftRun, best: ShiftRun, derived: ReturnType<typeof derive>;
	beforeAll(() => {
		worst = run('run-worst', 'worst', 10_000);
		best = run('run-best', 'best', 5_000_000);
		derived = derive([worst, best]);
	});

	it('the player fails the worst run with a critical error and passes the best (what the rest relies on)', () => {
		expect(worst.status).toBe('failed');
		expect(worst.critical.length).toBeGreaterThan(0);
		expect(best.status).toBe('passed');
		expect(derived.shiftDecisions.filter((d) => d.runId === best.id).length).toBeGreaterThan(3);
	});

	it("every shift statement validates with Learning Locker's validator and the stricter spec rules", () => {
		const shiftStatements = aboutShift(derived.statements);
		expect(new Set(shiftStatements.map(verbOf))).toEqual(new Set(['attempted', 'answered', 'completed', 'passed', 'failed']));
		for (const s of derived.statements) {
			expect(learningLockerProblem(s), JSON.stringify(s)).toBeUndefined();
			expect(statementProblem(s), JSON.stringify(s)).toBeUndefined();
		}
	});

	it('each run is attempted when it started, then completed and passed or failed at its end with its score and duration, under the assignment', () => {
		const runs = derived.statements.filter((s) => s.object.id === SHIFT);
		expect(runs.map(verbOf)).toEqual(['attempted', 'failed', 'completed', 'attempted', 'passed', 'completed']);
		for (const s of runs) {
			expect(s.object.definition).toMatchObject({ name: { 'en-US': shift.meta.title }, type: 'http://adlnet.gov/expapi/activities/assessment' });
			expect(s.context.contextActivities).toEqual({ parent: [{ objectType: 'Activity', id: ASSIGNMENT }] });
		}
		const [attempted, failed, , , passed, completed] = runs;
		expect(attempted!.timestamp).toBe(new Date(worst.startedAt).toISOString());
		expect(failed!.timestamp).toBe(new Date(worst.finishedAt!).toISOString());
		expect(failed!.result).toMatchObject({ success: false, completion: true, duration: 'PT25M0S', score: { scaled: Math.round(worst.score * 1e4) / 1e4, min: 0, max: 100 } });
		expect(failed!.result!.extensions![criticalExtension(APP)]).toBe(worst.critical.join('; '));
		expect(passed!.result).toMatchObject({ success: true, completion: true, score: { scaled: Math.round(best.score * 1e4) / 1e4 } });
		expect(passed!.result!.extensions).toBeUndefined();
		expect(completed!.result).toMatchObject({ completion: true, duration: 'PT25M0S' });
		// One registration per run, shared by its statements, told apart from the other run's.
		expect(attempted!.context.registration).toBe(failed!.context.registration);
		expect(passed!.context.registration).not.toBe(failed!.context.registration);
	});

	it('each answer in the run is a decision on its task step, with its competencies, and the critical error where one was made', () => {
		const answered = derived.statements.filter((s) => s.verb.id === VERBS.answered);
		expect(answered).toHaveLength(derived.shiftDecisions.length);
		for (const s of answered) {
			expect(s.object.id).toMatch(/^https:\/\/college\.example\/sim\/xapi\/shift\/morning-rush\/task\/[^/]+\/step\/[^/]+$/);
			expect(s.object.definition!.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
			expect(s.context.contextActivities).toEqual({ parent: [{ objectType: 'Activity', id: SHIFT }], grouping: [{ objectType: 'Activity', id: ASSIGNMENT }] });
			expect((s.context.extensions?.[competenciesExtension(APP)] as string[]).length).toBeGreaterThan(0);
		}
		const worstRun = ofRun(answered, derived.statements.find((s) => s.object.id === SHIFT && s.verb.id === VERBS.failed)!.context.registration);
		const critical = worstRun.filter((s) => s.result?.extensions?.[criticalExtension(APP)]);
		expect(critical.length).toBeGreaterThan(0);
		for (const s of critical) expect(worst.critical).toContain(s.result!.extensions![criticalExtension(APP)]);
		expect(critical.every((s) => s.result!.success === false)).toBe(true);
		// The best run's answers are all the best ones, and none is critical.
		const bestRun = answered.filter((s) => !worstRun.includes(s));
		expect(bestRun.every((s) => !s.result!.extensions)).toBe(true);
	});

	it('a shift-only assignment completes when the shift is passed, dated at that run', () => {
		const completed = derived.statements.filter((s) => s.object.id === ASSIGNMENT && s.verb.id === VERBS.completed);
		expect(completed).toHaveLength(1);
		expect(completed[0]!.timestamp).toBe(new Date(best.finishedAt!).toISOString());
		expect(completed[0]!.result).toMatchObject({ success: true, score: { scaled: Math.round(derived.standing.score * 1e4) / 1e4 } });
	});

	it('gives the same ids when derived again, no id twice, and the ids sent mid-shift are the ones derived at its end', () => {
		const again = derive([best, worst]);
		expect(again.statements).toEqual(derived.statements);
		const ids = derived.statements.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(UUID);
		// Halfway through the best run: what was sent then is not sent again under another id at the end.
		const half = run('run-best', 'best', 5_000_000, { inputs: Math.floor(best.inputs.length / 2) });
		expect(half.status).toBe('in-progress');
		const midway = derive([worst, half]).statements;
		const bestRun = derived.statements.find((x) => x.verb.id === VERBS.passed)!.context.registration;
		expect(ofRun(aboutShift(midway), bestRun).map(verbOf)).toEqual(['attempted']);
		for (const s of aboutShift(midway)) expect(ids).toContain(s.id);
	});
});

describe('runs that are not the assignment’s', () => {
	it('a practice run (no assignment) and a run for another assignment send nothing, and the assignment is not completed', () => {
		const practice = run('run-practice', 'best', 10_000, { assignmentId: null });
		const other = run('run-other', 'best', 20_000, { assignmentId: 'week6-other' });
		expect(practice.status).toBe('passed');
		const { statements } = derive([practice, other]);
		expect(aboutShift(statements)).toEqual([]);
		expect(statements.map(verbOf)).toEqual(['launched']);
	});

	it('an unfinished run is attempted only: its answers, completion and pass wait for the end of the day', () => {
		const r = run('run-open', 'best', 10_000, { inputs: 3 });
		expect(r.status).toBe('in-progress');
		expect(shiftDecisionsOf(shift, r)).toMatchObject({ ok: true, decisions: [{}] });
		const { statements } = derive([r]);
		expect(aboutShift(statements).map(verbOf)).toEqual(['attempted']);
	});
});
