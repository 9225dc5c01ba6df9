/**
 * A result file states each attempt's score, but it also carries the seed and every input, so the
 * gradebook does not have to take the score on trust: it replays the inputs through the engine and
 * uses what the answers earn. A claim that differs is flagged (an edited file with a recomputed
 * seal, or a bug); an attempt that cannot be replayed here (another version of the scenario, or a
 * scenario this copy of the app does not have) keeps its stated score and says it was not checked.
 * Shift runs are checked the same way: each run's seed and inputs replayed through the shift engine.
 * The caller loads the scenarios' and shifts' graders first (`loadGradersFor`, `loadShiftGraders`;
 * `loadAssignmentScenarios` and `loadAssignmentShifts` do).
 */
import type { Scenario } from '../content/schema/scenario';
import type { Shift } from '../content/schema/shift';
import { GraderNotLoaded, replay, type Input } from '../engine';
import { replayShift, type ShiftInput } from '../engine/shift';
import { summaryOf } from '../attempts';
import { shiftSummaryOf } from '../shift-runs';
import type { AttemptRecord, ShiftRun } from '../db/types';
import type { StudentResult } from './results';
import { pct } from '../labels';

export type ClaimVerdict = 'matches' | 'differs' | 'unchecked';
/** The check of one scenario attempt's claim. */
export interface AttemptCheck {
	attemptId: string;
	scenarioId: string;
	verdict: ClaimVerdict;
	/** For 'differs' and 'unchecked': what was found, in words for the instructor. */
	detail?: string;
}
/** The check of one shift run's claim: told from an attempt's by its runId and shiftId. */
export interface ShiftRunCheck {
	runId: string;
	shiftId: string;
	verdict: ClaimVerdict;
	/** For 'differs' and 'unchecked': what was found, in words for the instructor. */
	detail?: string;
}
export type ClaimCheck = AttemptCheck | ShiftRunCheck;
export const isShiftRunCheck = (c: ClaimCheck): c is ShiftRunCheck => 'runId' in c;
export const isAttemptCheck = (c: ClaimCheck): c is AttemptCheck => 'attemptId' in c;

type Claimed = Pick<AttemptRecord, 'status' | 'earned' | 'possible' | 'score' | 'critical' | 'evidence' | 'inputCount'>;

const said = (c: Pick<Claimed, 'status' | 'score'>) => `${pct(c.score)} (${c.status === 'in-progress' ? 'not finished' : c.status})`;
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const evidenceKey = (e: readonly Pick<Claimed['evidence'][number], 'competency' | 'earned' | 'possible'>[]) => JSON.stringify([...e].map((x) => [x.competency, Math.round(x.earned * 100), Math.round(x.possible * 100)]).sort());

/** What differs between a claim and the replay, or undefined when they agree. */
function difference(claimed: Claimed, replayed: Claimed): string | undefined {
	if (claimed.status !== replayed.status || !same(claimed.score, replayed.score) || !same(claimed.earned, replayed.earned) || !same(claimed.possible, replayed.possible))
		return `claims ${said(claimed)}; its answers give ${said(replayed)}`;
	if (claimed.critical.join('\n') !== replayed.critical.join('\n'))
		return `claims ${claimed.critical.length} critical error${claimed.critical.length === 1 ? '' : 's'}; its answers make ${replayed.critical.length}`;
	if (claimed.inputCount !== replayed.inputCount) return `claims ${claimed.inputCount} decisions; it holds ${replayed.inputCount}`;
	if (evidenceKey(claimed.evidence) !== evidenceKey(replayed.evidence)) return 'its points per competency do not match its answers';
	return undefined;
}

type ShiftClaimed = Pick<ShiftRun, 'status' | 'score' | 'critical' | 'evidence'>;

/** What differs between a shift run's claim and its replay, or undefined when they agree. */
function shiftDifference(claimed: ShiftClaimed, replayed: ShiftClaimed): string | undefined {
	if (claimed.status !== replayed.status || !same(claimed.score, replayed.score)) return `claims ${said(claimed)}; its work gives ${said(replayed)}`;
	if (claimed.critical.join('\n') !== replayed.critical.join('\n'))
		return `claims ${claimed.critical.length} critical error${claimed.critical.length === 1 ? '' : 's'}; its work makes ${replayed.critical.length}`;
	if (evidenceKey(claimed.evidence) !== evidenceKey(replayed.evidence)) return 'its points per competency do not match its work';
	return undefined;
}

/** A shift run as a result file carries it. */
type ResultRun = NonNullable<StudentResult['shiftRuns']>[number];

/** Replays one shift run: the run with the replayed figures in place of the claimed ones, and its check. */
function verifyShiftRun(run: ResultRun, shifts: ReadonlyMap<string, Shift>): { run: ResultRun; check: ShiftRunCheck } {
	const check = (verdict: ClaimVerdict, detail?: string): ShiftRunCheck => ({ runId: run.id, shiftId: run.shiftId, verdict, ...(detail ? { detail } : {}) });
	const shift = shifts.get(run.shiftId);
	if (!shift) return { run, check: check('unchecked', 'the shift is not in this copy of the app, so its score is as the file states') };
	if (shift.hash !== run.contentHash) return { run, check: check('unchecked', 'made on another version of the shift, so its score is as the file states') };
	let replayed: ShiftClaimed;
	try {
		replayed = shiftSummaryOf(replayShift(shift, run.seed, run.inputs as ShiftInput[]), run.passMark);
	} catch (e) {
		// A grader not loaded is the app's slip, not the student's: never a 0% for it.
		if (e instanceof GraderNotLoaded) throw e;
		// Work the engine refuses earns nothing: the run counts as not finished, at zero.
		const { finishedAt: _, ...rest } = run;
		return { run: { ...rest, status: 'in-progress', score: 0, critical: [], evidence: [] }, check: check('differs', `its work does not replay (${(e as Error).message}); counted as 0%, not finished`) };
	}
	const detail = shiftDifference(run, replayed);
	if (!detail) return { run, check: check('matches') };
	// A run its work leaves unfinished has no finish time, whatever the file says.
	const { finishedAt, ...rest } = run;
	return { run: { ...rest, ...replayed, ...(replayed.status !== 'in-progress' && finishedAt !== undefined ? { finishedAt } : {}) }, check: check('differs', detail) };
}

/**
 * Replays every attempt of the result whose scenario is given (by id), and every shift run whose shift
 * is given, and returns the result with the replayed figures in place of the claimed ones, and a check
 * per attempt (first, in the file's order) then per shift run. Without `shifts`, runs are left unchecked.
 */
export function verifyResult(result: StudentResult, scenarios: ReadonlyMap<string, Scenario>, shifts: ReadonlyMap<string, Shift> = new Map()): { result: StudentResult; checks: ClaimCheck[] } {
	const inputsOf = new Map<string, StudentResult['inputs']>();
	for (const i of result.inputs) {
		const list = inputsOf.get(i.attemptId);
		if (list) list.push(i);
		else inputsOf.set(i.attemptId, [i]);
	}
	const checks: ClaimCheck[] = [];
	const attempts = result.attempts.map((a) => {
		const check = (verdict: ClaimVerdict, detail?: string) => checks.push({ attemptId: a.id, scenarioId: a.scenarioId, verdict, ...(detail ? { detail } : {}) });
		const scenario = scenarios.get(a.scenarioId);
		if (!scenario) return check('unchecked', 'the scenario is not in this copy of the app, so its score is as the file states'), a;
		if (scenario.hash !== a.contentHash) return check('unchecked', 'made on another version of the scenario, so its score is as the file states'), a;
		const inputs = (inputsOf.get(a.id) ?? []).sort((x, y) => x.seq - y.seq);
		let replayed: Claimed;
		try {
			replayed = summaryOf(replay(scenario, a.seed, inputs.map((i) => i.input as Input)), a.passMark);
		} catch (e) {
			// A grader not loaded is the app's slip, not the student's: never a 0% for it.
			if (e instanceof GraderNotLoaded) throw e;
			// Inputs the engine refuses earn nothing: the attempt counts as not finished, at zero.
			check('differs', `its answers do not replay (${(e as Error).message}); counted as 0%, not finished`);
			const { finishedAt: _, ...rest } = a;
			return { ...rest, status: 'in-progress' as const, earned: 0, score: 0, critical: [], evidence: [] };
		}
		const detail = difference(a, replayed);
		check(detail ? 'differs' : 'matches', detail);
		if (!detail) return a;
		// An attempt its answers leave unfinished has no finish time, whatever the file says.
		const { finishedAt, ...rest } = a;
		return { ...rest, ...replayed, ...(replayed.status !== 'in-progress' && finishedAt !== undefined ? { finishedAt } : {}) };
	});
	if (!result.shiftRuns) return { result: { ...result, attempts }, checks };
	const shiftRuns = result.shiftRuns.map((r) => {
		const v = verifyShiftRun(r, shifts);
		checks.push(v.check);
		return v.run;
	});
	return { result: { ...result, attempts, shiftRuns }, checks };
}
