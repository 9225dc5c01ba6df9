/**
 * The answers of a shift run, replayed from its stored inputs, in the shape an LMS report needs (xAPI
 * "answered" statements), as `decisions.ts` gives a scenario attempt's. Its own module: the shift
 * engine is loaded only for an assignment that names shifts. Pure: the shift is passed in.
 */
import type { Shift } from '../content/schema/shift';
import type { ShiftRun } from '../db/types';
import { act, replayShift, type ShiftState } from '../engine/shift';
import { graded, type Decision } from './decisions';
import type { AssignmentStanding } from './standing';

/** One answer given during a shift: a decision in one of its tasks. */
export interface ShiftDecision extends Omit<Decision, 'attemptId' | 'scenarioId'> {
	runId: string;
	shiftId: string;
	/** The task's event id (a callback's answers belong to the same event). */
	eventId: string;
	/** What the task was about, in the shift's words. */
	about: string;
	/**
	 * When the answer can first be reported: the run's end (a run's answers wait for its day to be over).
	 * It orders SCORM reporting (`unreported`, suspend_data's time reached), so an answer given before a
	 * scenario's decisions that were already reported is still sent once the run ends.
	 */
	at: number;
	/** When the learner gave the answer (the run's input time); the run's end for a run stored before input times were kept. */
	answeredAt: number;
}

export type ShiftDecisions = { ok: true; decisions: ShiftDecision[] } | { ok: false; error: string };

/**
 * Every answer of a run, in the order given, replayed from its seed and inputs through the shift
 * engine (graded there, as the run's score was). Each is dated by the time its input was made
 * (`inputTimes`); a run stored before those were kept dates them all at its end (`finishedAt`, else
 * its last change). The caller has loaded the shift's graders.
 */
export function shiftDecisionsOf(shift: Shift, run: Pick<ShiftRun, 'id' | 'shiftId' | 'contentHash' | 'seed' | 'inputs' | 'updatedAt' | 'finishedAt'> & Partial<Pick<ShiftRun, 'inputTimes'>>): ShiftDecisions {
	if (run.contentHash !== shift.hash) return { ok: false, error: `run ${run.id} was made on another version of the shift ${shift.meta.id}` };
	const end = run.finishedAt ?? run.updatedAt;
	const times = run.inputTimes?.length === run.inputs.length ? run.inputTimes : undefined;
	// The same fold as replayShift, one input at a time, to know which input wrote each log entry (the log only grows).
	let state: ShiftState;
	const inputOf: number[] = [];
	try {
		state = replayShift(shift, run.seed, []);
		for (const [n, input] of run.inputs.entries()) {
			state = act(state, input).state;
			while (inputOf.length < state.log.length) inputOf.push(n);
		}
	} catch (e) {
		return { ok: false, error: `run ${run.id} could not be replayed: ${(e as Error).message}` };
	}
	// The log notes each answer, in order, with its task; the task's attempt holds the outcomes in that order.
	const taken = new Map<string, number>();
	const decisions: ShiftDecision[] = [];
	for (const [k, entry] of state.log.entries()) {
		if (entry.kind !== 'answered' || !entry.task) continue;
		const task = state.tasks.find((t) => t.key === entry.task);
		const n = taken.get(entry.task) ?? 0;
		taken.set(entry.task, n + 1);
		const o = task?.attempt?.outcomes[n];
		if (!task || !o) continue;
		const scenario = shift.tasks[task.eventId];
		const event = shift.meta.events.find((e) => e.id === task.eventId);
		decisions.push({ runId: run.id, shiftId: shift.meta.id, eventId: task.eventId, about: event?.about ?? task.eventId, seq: decisions.length, ...graded(o, scenario?.steps[o.stepId]), at: end, answeredAt: times?.[inputOf[k]!] ?? end });
	}
	return { ok: true, decisions };
}

/**
 * The answers an LMS report carries: those of each run counted for the assignment (`standing.shifts`,
 * so never practice or another assignment's run) once the run is finished, as xAPI reports them; an
 * unfinished run's answers wait for its end. A run that cannot be replayed here (another version of
 * the shift, a shift this copy lacks) is named in `problems` and gives none. The shifts' graders are loaded.
 */
export function countedShiftDecisions(standing: Pick<AssignmentStanding, 'shifts'>, shifts: ReadonlyMap<string, Shift>): { decisions: ShiftDecision[]; problems: string[] } {
	const decisions: ShiftDecision[] = [];
	const problems: string[] = [];
	for (const run of (standing.shifts ?? []).flatMap((s) => s.runs)) {
		if (run.finishedAt === undefined) continue;
		const shift = shifts.get(run.shiftId);
		const d = !shift
			? ({ ok: false, error: `shift ${run.shiftId} is not in this copy of the simulator` } as const)
			: 'inputs' in run && 'seed' in run
				? shiftDecisionsOf(shift, run as ShiftRun)
				: ({ ok: false, error: `run ${run.id} carries no moves to replay` } as const);
		if (d.ok) decisions.push(...d.decisions);
		else problems.push(d.error);
	}
	return { decisions, problems };
}
