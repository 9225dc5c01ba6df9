/**
 * The gradebook's heat map counts the decisions made in a student's counted shift runs toward each
 * competency, as it counts a scenario attempt's: from the replayed run, never from the file's claim, and
 * only the runs the result file carries for the assignment (up to the attempts allowed).
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildResult, sealResult } from '../../src/lib/assign/results';
import { buildGradebook, classAverages, competencyShare } from '../../src/lib/assign/gradebook';
import { competencyTotals } from '../../src/lib/lms/standing';
import type { ShiftRun } from '../../src/lib/db/types';
import { storedRun } from '../support/shift-player';

const content = loadContent(readContentFiles()).content!;
const shift = content.shifts.find((s) => s.meta.id === 'morning-rush')!;
const shifts = new Map([[shift.meta.id, shift]]);
const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-heat-0001',
	title: 'Heat map week',
	scenarios: [],
	shifts: [shift.meta.id],
	passMark: 0.7,
	attemptsAllowed: 2,
	createdAt: 1
});
const at = Date.UTC(2026, 10, 18, 12);

const run = (id: string, how: 'best' | 'worst', startedAt: number, forAssignment = true): ShiftRun =>
	storedRun(shift, { id, how, startedAt, updatedAt: startedAt + 60_000, ...(forAssignment ? { assignment } : {}) });
const share = (runs: readonly ShiftRun[]) => new Map([...competencyTotals(runs)].map(([c, p]) => [c, p.earned / p.possible]));
const gradebookOf = (runs: ShiftRun[], learnerId = 'ana') => {
	const text = sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name: learnerId }, [], [], at + 3_600_000, undefined, runs.map((r) => ({ ...r, learnerId }))));
	return buildGradebook(assignment, [{ name: `${learnerId}.json`, text }], undefined, new Map(), shifts);
};

describe('the heat map and shift runs', () => {
	const best = run('run-best', 'best', at);
	const worst = run('run-worst', 'worst', at - 3_600_000);

	it('the runs hold decisions on competencies, and the two runs score them differently (what the tests below rely on)', () => {
		expect(best.evidence.length).toBeGreaterThan(0);
		const b = share([best]);
		const w = share([worst]);
		expect([...b.keys()].some((c) => w.has(c) && b.get(c) !== w.get(c))).toBe(true);
	});

	it('a counted run gives each competency it touched a cell, with the share of points its decisions earned', () => {
		const gb = gradebookOf([best]);
		const row = gb.rows[0]!;
		const expected = share([best]);
		expect(gb.competencies).toEqual([...expected.keys()].sort());
		for (const [c, x] of expected) {
			expect(competencyShare(row, c, 'all')).toBeCloseTo(x);
			expect(competencyShare(row, c, 'best')).toBeCloseTo(x);
		}
		expect(classAverages(gb, 'all').get(gb.competencies[0]!)!.students).toBe(1);
	});

	it('"every attempt" pools all counted runs; "best" reads the shift’s best finished run only', () => {
		const row = gradebookOf([worst, best]).rows[0]!;
		const all = share([worst, best]);
		const bestOnly = share([best]);
		for (const [c, x] of all) expect(competencyShare(row, c, 'all')).toBeCloseTo(x);
		for (const [c, x] of bestOnly) expect(competencyShare(row, c, 'best')).toBeCloseTo(x);
	});

	it('a run beyond the attempts allowed is in the file but not counted toward any cell', () => {
		const third = run('run-third', 'best', at + 600_000);
		const again = run('run-worst-2', 'worst', at - 1_800_000);
		const row = gradebookOf([worst, again, third]).rows[0]!;
		const counted = share([worst, again]);
		expect([...counted].some(([c, x]) => Math.abs(share([worst, again, third]).get(c)! - x) > 0.01)).toBe(true);
		for (const [c, x] of counted) expect(competencyShare(row, c, 'all')).toBeCloseTo(x);
	});

	it('a practice run the student worked outside the assignment is not in the result file and counts nothing', () => {
		const practice = run('run-practice', 'best', at + 60_000, false);
		expect(practice.assignmentId).toBeUndefined();
		// The file's runs are only those worked for the assignment; a file holding a practice run is refused.
		const gb = gradebookOf([worst, practice]);
		expect(gb.rows).toHaveLength(0);
		expect(gb.problems[0]!.problem).toMatch(/not worked for this assignment/);
		// Worked beside the counted run but left out of the file, it leaves the cells as the counted run alone makes them.
		const row = gradebookOf([worst]).rows[0]!;
		for (const [c, x] of share([worst])) expect(competencyShare(row, c, 'all')).toBeCloseTo(x);
		expect([...share([practice])].some(([c, x]) => Math.abs((competencyShare(row, c, 'all') ?? -1) - x) > 0.01)).toBe(true);
	});

	it('a run whose claimed points were edited counts the points its replayed work earns', () => {
		const forged = { ...worst, evidence: worst.evidence.map((e) => ({ ...e, earned: e.possible })) };
		const row = gradebookOf([forged]).rows[0]!;
		for (const [c, x] of share([worst])) expect(competencyShare(row, c, 'all')).toBeCloseTo(x);
	});
});
