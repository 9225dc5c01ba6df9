/**
 * What the learner's Results page and transcript list for each shift run: the shift's title, the date,
 * the result against the run's own pass mark, whether the assignment it was worked for counts it, and
 * the address that reopens it (its report once finished, the desk to continue otherwise).
 */
import { describe, expect, it } from 'vitest';
import { runAsAttempt, shiftRunRows, type KnownAssignment } from '../../src/lib/shift-runs';
import type { ShiftRun } from '../../src/lib/db/types';

const base: ShiftRun = { id: 'r', learnerId: 'ana', shiftId: 'morning-rush', contentHash: 'h', seed: 1, inputs: [], startedAt: 100, updatedAt: 200, status: 'in-progress', score: 0, critical: [], evidence: [] };
const runOf = (over: Partial<ShiftRun>): ShiftRun => ({ ...base, ...over });
const titles = new Map([['morning-rush', 'Morning rush']]);
const week: KnownAssignment = { id: 'asg-1', title: 'Shift week', createdAt: 50, attemptsAllowed: 1 };

describe('shiftRunRows', () => {
	it('a finished practice run: title, finish date, result, score and its report address', () => {
		const [row] = shiftRunRows([runOf({ id: 'p1', status: 'failed', score: 0.42, finishedAt: 300, updatedAt: 300, inputs: [{ kind: 'wait' } as never] })], (id) => titles.get(id));
		expect(row).toMatchObject({ title: 'Morning rush', status: 'failed', score: 0.42, at: 300, assignment: { kind: 'practice' }, path: '/shift/morning-rush/?run=p1' });
		expect(row!.passMark).toBeUndefined();
	});

	it('an unfinished run is in progress, dated when last worked, with its actions so far', () => {
		const [row] = shiftRunRows([runOf({ id: 'u', updatedAt: 250, inputs: [{ kind: 'wait' } as never, { kind: 'wait' } as never] })], (id) => titles.get(id));
		expect(row).toMatchObject({ status: 'in-progress', at: 250, actions: 2, path: '/shift/morning-rush/?run=u' });
	});

	it('a run for an assignment carries its pass mark, and is counted up to the attempts the assignment allows', () => {
		const first = runOf({ id: 'a1', assignmentId: 'asg-1', passMark: 0.8, status: 'passed', score: 0.85, startedAt: 100, finishedAt: 400 });
		const second = runOf({ id: 'a2', assignmentId: 'asg-1', passMark: 0.8, status: 'failed', score: 0.9, critical: ['x'], startedAt: 500, finishedAt: 600 });
		const rows = shiftRunRows([first, second], (id) => titles.get(id), [week]);
		// Newest first.
		expect(rows.map((r) => r.id)).toEqual(['a2', 'a1']);
		expect(rows[1]).toMatchObject({ passMark: 0.8, assignment: { kind: 'counted', title: 'Shift week' } });
		expect(rows[0]).toMatchObject({ assignment: { kind: 'not-counted', title: 'Shift week', reason: 'over-attempts', attemptsAllowed: 1 } });
	});

	it('a run begun before the assignment was made does not count for it', () => {
		const [row] = shiftRunRows([runOf({ id: 'e', assignmentId: 'asg-1', startedAt: 10, status: 'passed', finishedAt: 20 })], (id) => titles.get(id), [week]);
		expect(row!.assignment).toEqual({ kind: 'not-counted', title: 'Shift week', reason: 'before-assignment', attemptsAllowed: 1 });
	});

	it('a run for an assignment this browser does not know says so; an unknown shift shows its id', () => {
		const [row] = shiftRunRows([runOf({ id: 'k', shiftId: 'gone', assignmentId: 'asg-2', status: 'passed', finishedAt: 20 })], (id) => titles.get(id), [week]);
		expect(row).toMatchObject({ title: 'gone', assignment: { kind: 'unknown' } });
	});
});

describe('runAsAttempt (a run as mastery and the dashboard read it)', () => {
	const evidence = [{ competency: 'comm.phone', earned: 1, possible: 2 }] as ShiftRun['evidence'];
	it('an unfinished run whose assignment holds feedback back gives no evidence until it is finished', () => {
		expect(runAsAttempt(runOf({ feedback: 'after', evidence })).evidence).toEqual([]);
		expect(runAsAttempt(runOf({ feedback: 'after', evidence, status: 'failed', finishedAt: 300 })).evidence).toEqual(evidence);
	});
	it('any other run gives its evidence as it goes', () => {
		expect(runAsAttempt(runOf({ evidence })).evidence).toEqual(evidence);
	});
});
