/**
 * Shift runs between the engine and the store: start one, record an input (engine first, then one
 * write that another tab cannot overwrite), reopen one by replaying its inputs. No Svelte, no DOM.
 */
import type { Shift } from './content/schema/shift';
import type { ProgressStore, ShiftRun } from './db/types';
import { act, replayShift, summarizeShift, type ShiftInput, type ShiftState } from './engine/shift';
import { loadGradersFor } from './engine/interactions';
import type { Outcome } from './engine/types';
import { countedSoFar } from './engine/progress';
import { newId } from './ids';
import type { AttemptAssignment } from './attempts';
import { countedShiftRuns } from './lms/standing';

/** Loads the graders of every kind of step the shift's tasks use. */
export const loadShiftGraders = (shift: Shift): Promise<void> => loadGradersFor(Object.values(shift.tasks));

/** The cached summary a run keeps beside its inputs. */
export function shiftSummaryOf(state: ShiftState, passMark?: number): Pick<ShiftRun, 'status' | 'score' | 'critical' | 'evidence'> {
	const s = summarizeShift(state, passMark);
	return {
		status: !s.finished ? 'in-progress' : s.passed ? 'passed' : 'failed',
		score: s.score,
		critical: s.critical,
		evidence: state.tasks.flatMap((t) => (t.attempt ? t.attempt.outcomes.flatMap((o) => o.evidence) : []))
	};
}

/** Starts a run; one made from an assignment's link carries the assignment's id and pass mark, which rules its status. */
export async function beginShiftRun(store: ProgressStore, learnerId: string, shift: Shift, seed: number, now: number, assignment?: AttemptAssignment, feedbackAfter = false): Promise<{ run: ShiftRun; state: ShiftState }> {
	await loadShiftGraders(shift);
	const state = replayShift(shift, seed, []);
	const run: ShiftRun = {
		id: newId(),
		learnerId,
		shiftId: shift.meta.id,
		contentHash: shift.hash,
		seed,
		inputs: [],
		inputTimes: [],
		startedAt: now,
		updatedAt: now,
		...shiftSummaryOf(state, assignment?.passMark),
		...(assignment ? { assignmentId: assignment.id, passMark: assignment.passMark } : {}),
		...(feedbackAfter ? { feedback: 'after' as const } : {})
	};
	await store.createShiftRun(run);
	return { run, state };
}

/**
 * Applies the input through the engine, with nothing stored: what the screen shows next. Throws when
 * the shift refuses the input. The graders must be loaded (`loadShiftGraders`).
 */
export function applyShiftInput(run: ShiftRun, state: ShiftState, input: ShiftInput, now: number): { run: ShiftRun; state: ShiftState; outcome?: Outcome } {
	const r = act(state, input);
	const { inputTimes, ...rest } = run;
	const next: ShiftRun = { ...rest, inputs: [...run.inputs, input], ...timesWith(inputTimes, run.inputs.length, now), updatedAt: now, ...shiftSummaryOf(r.state, run.passMark), ...(r.state.finished ? { finishedAt: now } : {}) };
	return { run: next, state: r.state, ...(r.outcome ? { outcome: r.outcome } : {}) };
}

/**
 * The run's input times with this input's: kept only while there is one per input (a run begun before
 * times were kept stays without, and is dated at its end). Never earlier than the last one, so a clock
 * set back mid-shift cannot leave times a progress file would refuse.
 */
function timesWith(times: number[] | undefined, inputs: number, now: number): Pick<ShiftRun, 'inputTimes'> {
	return times && times.length === inputs ? { inputTimes: [...times, Math.max(now, times.at(-1) ?? now)] } : {};
}

/** Stores a run `applyShiftInput` advanced by one input; a tab behind another gets a ShiftRunConflict and nothing is written. */
export const storeShiftInput = (store: ProgressStore, next: ShiftRun): Promise<void> => store.advanceShiftRun(next, next.inputs.length - 1);

/**
 * Applies the input and stores it. An input the shift refuses throws before anything is written; a
 * tab that is behind another one gets a ShiftRunConflict and nothing is written.
 */
export async function recordShiftInput(store: ProgressStore, run: ShiftRun, state: ShiftState, input: ShiftInput, now: number): Promise<{ run: ShiftRun; state: ShiftState; outcome?: Outcome }> {
	await loadShiftGraders(state.shift);
	const r = applyShiftInput(run, state, input, now);
	await storeShiftInput(store, r.run);
	return r;
}

export type ReopenedShift = { ok: true; run: ShiftRun; state: ShiftState } | { ok: false; run: ShiftRun; reason: string };

/** Rebuilds a stored run's state from its seed and inputs, on the version of the shift it was made on. */
export async function reopenShiftRun(run: ShiftRun, shift: Shift): Promise<ReopenedShift> {
	if (run.contentHash !== shift.hash) return { ok: false, run, reason: 'This shift was worked on an earlier version of its content, so it cannot be replayed. Its score is kept.' };
	await loadShiftGraders(shift);
	try {
		return { ok: true, run, state: replayShift(shift, run.seed, run.inputs) };
	} catch (e) {
		return { ok: false, run, reason: `This shift could not be replayed: ${(e as Error).message}` };
	}
}

/**
 * The learner's unfinished run of this shift on its current version, newest first: from the same
 * assignment (or from none, when opened outside one), so work never counts for an assignment it was not made for.
 */
export function resumableRun(runs: readonly ShiftRun[], shift: Shift, assignmentId?: string): ShiftRun | undefined {
	return runs
		.filter((r) => r.shiftId === shift.meta.id && r.status === 'in-progress' && r.contentHash === shift.hash && r.assignmentId === assignmentId)
		.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/**
 * A run as the progress views read an attempt: its evidence counts toward mastery like a scenario's,
 * under the id "shift:<shift id>" so it is never mistaken for a scenario.
 */
export function runAsAttempt(run: ShiftRun): { id: string; scenarioId: string; status: ShiftRun['status']; score: number; startedAt: number; updatedAt: number; evidence: ShiftRun['evidence'] } {
	// Held feedback holds the evidence back until the run ends (countedSoFar says why).
	return countedSoFar({ id: run.id, scenarioId: `shift:${run.shiftId}`, status: run.status, score: run.score, startedAt: run.startedAt, updatedAt: run.updatedAt, evidence: run.evidence, ...(run.feedback ? { feedback: run.feedback } : {}) });
}

/** What the learner's Results page and transcript show of one shift run. */
export interface ShiftRunRow {
	id: string;
	shiftId: string;
	title: string;
	status: ShiftRun['status'];
	/** When it finished, or (in progress) when it was last worked. */
	at: number;
	score: number;
	/** The assignment's mark when it was worked for one (it rules the status), else the shift's own. */
	passMark?: number;
	actions: number;
	/** Counted: the assignment counts it (lms/standing.ts); worked-for: made from an assignment's link this browser no longer knows, or beyond its attempts; practice: outside any assignment. */
	assignment:
		| { kind: 'counted'; title: string }
		/** Why not: begun before the assignment was made, or one more than the runs it counts. */
		| { kind: 'not-counted'; title: string; reason: 'before-assignment' | 'over-attempts'; attemptsAllowed: number }
		| { kind: 'unknown' }
		| { kind: 'practice' };
	/** The desk's address for the run, under the app's base: its end-of-shift report once finished, the desk to continue otherwise. */
	path: string;
}

/** An assignment as the Results page knows it (remembered in this browser). */
export type KnownAssignment = Pick<import('./assign/assignment').Assignment, 'id' | 'title' | 'createdAt' | 'attemptsAllowed'>;

/**
 * The learner's shift runs as rows, newest first: each with its shift's title, status by its own pass
 * mark, whether the assignment it was worked for counts it (`countedShiftRuns`, as the assignment page
 * and the gradebook count), and the address that reopens it.
 */
export function shiftRunRows(runs: readonly ShiftRun[], titleOf: (shiftId: string) => string | undefined, assignments: readonly KnownAssignment[] = []): ShiftRunRow[] {
	const known = new Map(assignments.map((a) => [a.id, a]));
	return runs
		.map((r): ShiftRunRow => {
			const a = r.assignmentId === undefined ? undefined : known.get(r.assignmentId);
			const assignment: ShiftRunRow['assignment'] =
				r.assignmentId === undefined
					? { kind: 'practice' }
					: !a
						? { kind: 'unknown' }
						: countedShiftRuns(a, runs, r.shiftId).some((x) => x.id === r.id)
							? { kind: 'counted', title: a.title }
							: { kind: 'not-counted', title: a.title, reason: r.startedAt < a.createdAt ? 'before-assignment' : 'over-attempts', attemptsAllowed: a.attemptsAllowed };
			return {
				id: r.id,
				shiftId: r.shiftId,
				title: titleOf(r.shiftId) ?? r.shiftId,
				status: r.status,
				at: r.status === 'in-progress' ? r.updatedAt : (r.finishedAt ?? r.updatedAt),
				score: r.score,
				...(r.passMark !== undefined ? { passMark: r.passMark } : {}),
				actions: r.inputs.length,
				assignment,
				path: `/shift/${r.shiftId}/?run=${encodeURIComponent(r.id)}`
			};
		})
		.sort((x, y) => y.at - x.at);
}
