/**
 * The gradebook and shift runs: each run in a result file is replayed from its seed and inputs, a
 * claim its work does not give is flagged and replaced, and each student row gets the assignment's
 * shifts beside its scenarios (best score, runs used, passed, late, verdict).
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildResult, sealResult } from '../../src/lib/assign/results';
import { aggregate, buildGradebook, claimSummary, gradebookCsv, loadResults } from '../../src/lib/assign/gradebook';
import { isAttemptCheck, isShiftRunCheck, verifyResult } from '../../src/lib/assign/verify';
import { replayShift } from '../../src/lib/engine/shift';
import { shiftSummaryOf } from '../../src/lib/shift-runs';
import type { ShiftRun } from '../../src/lib/db/types';
import { storedRun } from '../support/shift-player';

const content = loadContent(readContentFiles()).content!;
const shift = content.shifts.find((s) => s.meta.id === 'morning-rush')!;
const shifts = new Map([[shift.meta.id, shift]]);
const noScenarios = new Map();
const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-shifts-0001',
	title: 'Shift week',
	scenarios: [],
	shifts: [shift.meta.id],
	passMark: 0.7,
	attemptsAllowed: 2,
	due: '2026-11-20',
	createdAt: 1
});
const before = Date.UTC(2026, 10, 18, 12);
const after = Date.UTC(2026, 10, 24, 12);

/** A run worked by the test player ('best' or 'worst'), stored as the student's app stores it. */
const run = (id: string, how: 'best' | 'worst', startedAt: number, finishedAt: number): ShiftRun => storedRun(shift, { id, how, startedAt, updatedAt: finishedAt, assignment });
const best = run('run-best', 'best', before, before + 60_000);
const worst = run('run-worst', 'worst', before - 3_600_000, before - 3_000_000);
/** The student's result file: the runs are made theirs (a file holding another learner's run is refused). */
const result = (runs: ShiftRun[] | undefined, learnerId = 'ana') =>
	buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name: learnerId }, [], [], after + 60_000, undefined, runs?.map((r) => ({ ...r, learnerId })));
const file = (name: string, runs: ShiftRun[] | undefined, learnerId = 'ana') => ({ name, text: sealResult(result(runs, learnerId)) });

describe('verifyResult with shift runs', () => {
	it('the player finishes both runs, the best one passing and the worst one failing (what the other tests rely on)', () => {
		expect(best.status).toBe('passed');
		expect(worst.status).toBe('failed');
		expect(worst.score).toBeLessThan(best.score);
	});

	it('an honest run replays to its claim: matches, figures kept', () => {
		const { result: checked, checks } = verifyResult(result([best]), noScenarios, shifts);
		expect(checks).toEqual([{ runId: 'run-best', shiftId: shift.meta.id, verdict: 'matches' }]);
		expect(checks.every(isShiftRunCheck)).toBe(true);
		expect(checked.shiftRuns![0]).toEqual(best);
	});

	it('a run whose claimed score was edited differs, and the replayed score is used', () => {
		const forged = { ...worst, status: 'passed' as const, score: 1 };
		const { result: checked, checks } = verifyResult(result([forged]), noScenarios, shifts);
		expect(checks[0]!.verdict).toBe('differs');
		expect(checks[0]!.detail).toBe(`claims 100% (passed); its work gives ${Math.round(worst.score * 100)}% (failed)`);
		expect(checked.shiftRuns![0]!.score).toBeCloseTo(worst.score);
		expect(checked.shiftRuns![0]!.status).toBe('failed');
	});

	it('a run claiming fewer critical errors than its work makes differs', () => {
		expect(worst.critical.length).toBeGreaterThan(0);
		const forged = { ...worst, critical: [] };
		const { result: checked, checks } = verifyResult(result([forged]), noScenarios, shifts);
		expect(checks[0]!.detail).toMatch(/^claims 0 critical errors; its work makes \d+$/);
		expect(checked.shiftRuns![0]!.critical).toEqual(worst.critical);
	});

	it('a run on another version of the shift is unchecked and keeps its stated score', () => {
		const older = { ...worst, contentHash: 'an-older-version', score: 0.95, status: 'passed' as const };
		const { result: checked, checks } = verifyResult(result([older]), noScenarios, shifts);
		expect(checks[0]).toEqual({ runId: 'run-worst', shiftId: shift.meta.id, verdict: 'unchecked', detail: 'made on another version of the shift, so its score is as the file states' });
		expect(checked.shiftRuns![0]!.score).toBe(0.95);
	});

	it('a run on a shift this copy of the app does not have is unchecked', () => {
		const { checks } = verifyResult(result([best]), noScenarios, new Map());
		expect(checks[0]!.verdict).toBe('unchecked');
		expect(checks[0]!.detail).toContain('not in this copy of the app');
	});

	it('a run with an input the engine refuses differs, counted 0% and not finished', () => {
		const bad = { ...best, inputs: [{ kind: 'work' as const, task: 'no-such-task' }, ...best.inputs] };
		const { result: checked, checks } = verifyResult(result([bad]), noScenarios, shifts);
		expect(checks[0]!.verdict).toBe('differs');
		expect(checks[0]!.detail).toMatch(/^its work does not replay \(.*no-such-task.*\); counted as 0%, not finished$/);
		expect(checked.shiftRuns![0]).toMatchObject({ status: 'in-progress', score: 0, critical: [], evidence: [] });
		expect(checked.shiftRuns![0]!.finishedAt).toBeUndefined();
	});

	it('a claimed finish the work never reached counts as not finished', () => {
		const cut = { ...best, inputs: best.inputs.slice(0, 3) };
		const { result: checked, checks } = verifyResult(result([cut]), noScenarios, shifts);
		expect(checks[0]!.verdict).toBe('differs');
		expect(checked.shiftRuns![0]!.status).toBe('in-progress');
		expect(checked.shiftRuns![0]!.finishedAt).toBeUndefined();
	});

	it('attempt checks and run checks are told apart', () => {
		const { checks } = verifyResult(result([best]), noScenarios, shifts);
		expect(checks.filter(isAttemptCheck)).toEqual([]);
		expect(checks.filter(isShiftRunCheck)).toHaveLength(1);
	});
});

describe('the gradebook with shifts', () => {
	it('shows the best run score, runs used (up to the attempts allowed), passed and late', () => {
		// Three runs, two allowed: the third (started last) does not count, however good.
		const third = { ...run('run-third', 'best', after, after + 60_000) };
		const gb = buildGradebook(assignment, [file('ana.json', [best, worst, third])], undefined, noScenarios, shifts);
		const row = gb.rows[0]!;
		const cell = row.shifts[shift.meta.id]!;
		expect(cell.runs).toBe(2);
		expect(cell.runIds).toEqual(['run-worst', 'run-best']);
		expect(cell.best).toBeCloseTo(best.score);
		expect(cell.passed).toBe(true);
		// Both counted runs finished before the due date; the late third is not counted.
		expect(cell.late).toBe(false);
		expect(cell.differs).toEqual([]);
		expect(row.checks.map((c) => c.verdict)).toEqual(['matches', 'matches', 'matches']);
		// The shift is the assignment's only part: it rules the overall score and completion.
		expect(row.score).toBeCloseTo(best.score);
		expect(row.completed).toBe(true);
		expect(row.passed).toBe(true);
	});

	it('a run finished after the due date is late; a forged pass is not passed', () => {
		const late = run('run-late', 'worst', before, after);
		const forged = { ...late, status: 'passed' as const, score: 1 };
		const gb = buildGradebook(assignment, [file('ben.json', [forged], 'ben')], undefined, noScenarios, shifts);
		const row = gb.rows[0]!;
		const cell = row.shifts[shift.meta.id]!;
		expect(cell.late).toBe(true);
		expect(cell.passed).toBe(false);
		expect(cell.best).toBeCloseTo(worst.score);
		expect(cell.differs).toHaveLength(1);
		expect(row.passed).toBe(false);
		expect(claimSummary([], row.checked, [cell])).toBe("1 shift run claimed another score than its work gives (the work's score is used)");
	});

	it('the pass mark is the assignment’s, not the one the run carries', () => {
		// A run whose stored pass mark was lowered replays to "passed" under that mark, but the gradebook reads the assignment's.
		const low = { ...worst, passMark: 0.5, ...shiftSummaryOf(replayShift(shift, 11, worst.inputs), 0.5) };
		const gb = buildGradebook(assignment, [file('cy.json', [low], 'cy')], undefined, noScenarios, shifts);
		expect(gb.rows[0]!.shifts[shift.meta.id]!.passed).toBe(worst.score >= assignment.passMark && worst.critical.length === 0);
	});

	it('the CSV has the shift columns, labelled with its title', () => {
		const gb = buildGradebook(assignment, [file('ana.json', [worst, best])], undefined, noScenarios, shifts);
		const [head, line] = gradebookCsv(gb, assignment, (id) => id, () => 'Morning rush').split('\r\n');
		expect(head).toBe('Student,Student ID or e-mail,Morning rush (score %),Morning rush (passed),Morning rush (late),Morning rush (runs),Morning rush (critical errors),Average score % (parts not attempted count as 0),Parts passed (scenarios and shifts),Scores checked by replay');
		expect(line).toBe(`ana,,${Math.round(best.score * 100)},yes,no,2,${worst.critical.length + best.critical.length},${Math.round(best.score * 100)},1,yes`);
	});

	it('a run on another version of the shift shows its stated score, unchecked', () => {
		const older = { ...worst, contentHash: 'an-older-version', score: 0.95, status: 'passed' as const };
		const gb = buildGradebook(assignment, [file('dee.json', [older], 'dee')], undefined, noScenarios, shifts);
		const cell = gb.rows[0]!.shifts[shift.meta.id]!;
		expect(cell.best).toBe(0.95);
		expect(cell.unchecked).toHaveLength(1);
		expect(claimSummary([], true, [cell])).toBe('1 could not be replayed here, so stated scores were used');
	});

	it('a result file without shift runs (an older file) still loads: the shift not attempted', () => {
		const loaded = loadResults(assignment, [file('old.json', undefined, 'old')], noScenarios, shifts);
		expect(loaded.problems).toEqual([]);
		expect(loaded.results[0]!.checks).toEqual([]);
		const row = aggregate(assignment, loaded).rows[0]!;
		expect(row.shifts[shift.meta.id]).toMatchObject({ runs: 0, passed: false, finished: false, late: false });
		expect(row.shifts[shift.meta.id]!.best).toBeUndefined();
		expect(row.completed).toBe(false);
		expect(row.score).toBe(0);
	});

	it('an assignment kept from before shifts could be assigned (no shifts field) still aggregates', () => {
		const { shifts: _, ...old } = Assignment.parse({ ...assignment, scenarios: [], shifts: [shift.meta.id] });
		const legacy = { ...old } as unknown as Assignment;
		const gb = buildGradebook(legacy, [file('ana.json', [best])], undefined, noScenarios, shifts);
		expect(gb.rows[0]!.shifts).toEqual({});
		expect(gradebookCsv(gb, legacy, (id) => id).split('\r\n')[0]).toBe('Student,Student ID or e-mail,Average score % (parts not attempted count as 0),Scenarios passed,Scores checked by replay');
	});
});
