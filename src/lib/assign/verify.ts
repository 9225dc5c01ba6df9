/**
 * A result file states each attempt's score, but it also carries the seed and every input, so the
 * gradebook does not have to take the score on trust: it replays the inputs through the engine and
 * uses what the answers earn. A claim that differs is flagged (an edited file with a recomputed
 * seal, or a bug); an attempt that cannot be replayed here (another version of the scenario, or a
 * scenario this copy of the app does not have) keeps its stated score and says it was not checked.
 * The caller loads the scenarios' graders first (`loadGradersFor`; `loadAssignmentScenarios` does).
 */
import type { Scenario } from '../content/schema/scenario';
import { GraderNotLoaded, replay, type Input } from '../engine';
import { summaryOf } from '../attempts';
import type { AttemptRecord } from '../db/types';
import type { StudentResult } from './results';

export type ClaimVerdict = 'matches' | 'differs' | 'unchecked';
export interface ClaimCheck {
	attemptId: string;
	scenarioId: string;
	verdict: ClaimVerdict;
	/** For 'differs' and 'unchecked': what was found, in words for the instructor. */
	detail?: string;
}

type Claimed = Pick<AttemptRecord, 'status' | 'earned' | 'possible' | 'score' | 'critical' | 'evidence' | 'inputCount'>;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const said = (c: Pick<Claimed, 'status' | 'score'>) => `${pct(c.score)} (${c.status === 'in-progress' ? 'not finished' : c.status})`;
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const evidenceKey = (e: Claimed['evidence']) => JSON.stringify([...e].map((x) => [x.competency, Math.round(x.earned * 100), Math.round(x.possible * 100)]).sort());

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

/**
 * Replays every attempt of the result whose scenario is given (by id) and returns the result with
 * the replayed figures in place of the claimed ones, and a check per attempt.
 */
export function verifyResult(result: StudentResult, scenarios: ReadonlyMap<string, Scenario>): { result: StudentResult; checks: ClaimCheck[] } {
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
	return { result: { ...result, attempts }, checks };
}
