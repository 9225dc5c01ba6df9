import type { Scenario } from './content/schema/scenario';
import { answer, loadGradersFor, replay, start, summarize, type AttemptState, type Input, type Outcome } from './engine';
import type { AttemptRecord, Learner, ProgressStore } from './db/types';
import { newId } from './ids';

/** What an attempt record says of its state: status, score, critical errors and evidence (also how a result file's claims are checked). */
export function summaryOf(state: AttemptState, passMark?: number): Pick<AttemptRecord, 'status' | 'earned' | 'possible' | 'score' | 'critical' | 'evidence' | 'inputCount'> {
	const s = summarize(state, passMark);
	return {
		status: !s.finished ? 'in-progress' : s.passed ? 'passed' : 'failed',
		earned: s.earned,
		possible: s.possible,
		score: s.score,
		critical: s.critical,
		evidence: state.outcomes.flatMap((o) => o.evidence),
		inputCount: state.outcomes.length
	};
}

/** The assignment an attempt is made for, as the assignment page's links name it (see `assignmentOfQuery`). */
export interface AttemptAssignment {
	id: string;
	passMark: number;
}

/**
 * The assignment named in a play link (`assignment=<id>&pass=<0.5..1>`), or undefined when the link
 * names none or names it wrongly (then the scenario's own pass mark rules, as outside an assignment).
 */
export function assignmentOfQuery(params: URLSearchParams): AttemptAssignment | undefined {
	const id = params.get('assignment');
	const pass = params.get('pass');
	if (!id || !/^[A-Za-z0-9_-]{8,40}$/.test(id) || !pass || !/^(?:0\.\d{1,20}|1(?:\.0{1,20})?)$/.test(pass)) return undefined;
	const passMark = Number(pass);
	return passMark >= 0.5 && passMark <= 1 ? { id, passMark } : undefined;
}

/** The query a play link carries for an attempt made for this assignment. */
export const assignmentQuery = (a: AttemptAssignment) => `assignment=${encodeURIComponent(a.id)}&pass=${a.passMark}`;

/**
 * What a link to a scenario or shift adds after its own parameters: `&feedback=after` when the
 * assignment holds feedback back, and the assignment with its pass mark. Empty outside an assignment.
 */
export function workQuery(a: AttemptAssignment | undefined, feedbackAfter: boolean): string {
	return `${feedbackAfter ? '&feedback=after' : ''}${a ? `&${assignmentQuery(a)}` : ''}`;
}

/** The assignment a stored attempt or shift run was made for, as its links name it. */
export const madeFor = (record: { assignmentId?: string; passMark?: number }): AttemptAssignment | undefined =>
	record.assignmentId !== undefined && record.passMark !== undefined ? { id: record.assignmentId, passMark: record.passMark } : undefined;

/** The pass mark that rules an attempt, and who set it: the assignment it was made for, or the scenario. */
export function passMarkOf(record: Pick<AttemptRecord, 'passMark'> | null | undefined, scenario: Scenario): { mark: number; setBy: 'assignment' | 'scenario' } {
	return record?.passMark !== undefined ? { mark: record.passMark, setBy: 'assignment' } : { mark: scenario.meta.passMark, setBy: 'scenario' };
}

/** "pass mark 75%, set by the assignment": every screen that says passed or not says which mark it used. */
export const passMarkText = (p: { mark: number; setBy: 'assignment' | 'scenario' }) => `pass mark ${Math.round(p.mark * 100)}%, set by the ${p.setBy}`;

/**
 * A new attempt, opened but not stored: it is stored (`storeAttempt`) with the learner's first answer or
 * first draft, so opening a scenario writes nothing (and loads no database code on a first visit).
 */
export async function newAttempt(
	learnerId: string,
	scenario: Scenario,
	seed: number,
	now: number,
	assignment?: AttemptAssignment,
	id: string = newId(),
	feedback?: 'after'
): Promise<{ record: AttemptRecord; state: AttemptState }> {
	// The grader for each kind of step loads before the attempt opens, so answering never waits on it.
	await loadGradersFor([scenario]);
	const state = start(scenario, seed);
	const record: AttemptRecord = {
		id,
		learnerId,
		scenarioId: scenario.meta.id,
		contentHash: scenario.hash,
		seed,
		startedAt: now,
		updatedAt: now,
		...summaryOf(state, assignment?.passMark),
		// Made for an assignment: its pass mark rules this attempt on every screen.
		...(assignment ? { assignmentId: assignment.id, passMark: assignment.passMark } : {}),
		// Held feedback stays held wherever the attempt is reopened from, not only from the link's address.
		...(feedback ? { feedback } : {})
	};
	return { record, state };
}

/**
 * Stores an attempt made by `newAttempt`. One another tab already stored under the same id (the same
 * unsaved attempt, see `unsavedAttempt`) is left as it is: its answers are the truth, and the next
 * answer here catches up with them.
 */
export async function storeAttempt(store: ProgressStore, record: AttemptRecord): Promise<void> {
	try {
		await store.createAttempt(record);
	} catch (e) {
		if (!(await store.getAttempt(record.id).catch(() => undefined))) throw e;
	}
}

/** A new attempt, stored at once (the unit tests' way to begin; the player stores with the first answer). */
export async function beginAttempt(
	store: ProgressStore,
	learnerId: string,
	scenario: Scenario,
	seed: number,
	now: number,
	assignment?: AttemptAssignment,
	feedback?: 'after'
): Promise<{ record: AttemptRecord; state: AttemptState }> {
	const begun = await newAttempt(learnerId, scenario, seed, now, assignment, undefined, feedback);
	await store.createAttempt(begun.record);
	return begun;
}

/** An attempt opened and not stored yet: what brings the same one back (same variant, same option order). */
export interface UnsavedAttempt {
	id: string;
	seed: number;
}

/** Where an unsaved attempt is kept: localStorage outlives a reload and a closed browser, and every tab sees it. */
type KeptIn = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
const browserStorage = (): KeptIn => {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // Blocked storage: the attempt lives as long as the page.
	}
};
const unsavedKey = (learnerId: string, scenarioId: string) => `front-desk-simulator:unsaved-attempt:${learnerId}:${scenarioId}`;

/**
 * The learner's unsaved attempt at a scenario (kept by `keepUnsavedAttempt`), if any: a reload, a reopened
 * browser or another tab opens the same attempt until it is stored, as they would open a stored one.
 */
export function unsavedAttempt(learnerId: string, scenarioId: string, kept: KeptIn = browserStorage()): UnsavedAttempt | undefined {
	try {
		const x = JSON.parse(kept?.getItem(unsavedKey(learnerId, scenarioId)) ?? 'null') as Partial<UnsavedAttempt> | null;
		return x && typeof x.id === 'string' && /^[0-9a-f-]{36}$/.test(x.id) && Number.isSafeInteger(x.seed) ? { id: x.id, seed: x.seed! } : undefined;
	} catch {
		return undefined;
	}
}

/** Remembers an attempt opened but not stored, replacing any earlier one at the same scenario. */
export function keepUnsavedAttempt(learnerId: string, scenarioId: string, attempt: UnsavedAttempt, kept: KeptIn = browserStorage()): void {
	try {
		kept?.setItem(unsavedKey(learnerId, scenarioId), JSON.stringify(attempt));
	} catch {
		// Not kept: a reload opens a new attempt, as it would in a private window.
	}
}

/** The attempt is stored: the stored one is what opens from now on. */
export function forgetUnsavedAttempt(learnerId: string, scenarioId: string, id: string, kept: KeptIn = browserStorage()): void {
	try {
		if (unsavedAttempt(learnerId, scenarioId, kept)?.id === id) kept?.removeItem(unsavedKey(learnerId, scenarioId));
	} catch {
		// Nothing kept.
	}
}

/**
 * Grades an answer and stores it before anyone sees the feedback: if the write fails, the caller
 * gets the error and the learner's screen has not moved on.
 */
export async function recordAnswer(
	store: ProgressStore,
	record: AttemptRecord,
	state: AttemptState,
	input: Input,
	now: number
): Promise<{ record: AttemptRecord; state: AttemptState; outcome: Outcome; /** Settles once a finished scenario's review cards are written. */ review?: Promise<void> }> {
	await loadGradersFor([state.scenario]);
	const result = answer(state, input);
	const finished = result.state.stepId === null;
	const updated: AttemptRecord = { ...record, ...summaryOf(result.state, record.passMark), updatedAt: now, ...(finished ? { finishedAt: now } : {}) };
	// Only steps with unsubmitted work (the book, the superbill, the claim, the posting) keep drafts to drop.
	const clearDraft = keepsDraft(input.kind);
	await store.appendInput({ attemptId: record.id, seq: record.inputCount, stepId: result.outcome.stepId, input, at: now }, updated, { clearDraft });
	// Review cards for missed decisions are written after the answer, off the path to its feedback.
	const review = finished ? scheduleScenarioReview(store, record.learnerId, state.scenario.meta.id, result.state, now) : undefined;
	return { record: updated, state: result.state, outcome: result.outcome, ...(review ? { review } : {}) };
}

export type Reopened = { ok: true; record: AttemptRecord; state: AttemptState } | { ok: false; record: AttemptRecord; reason: string };

/** Rebuilds a stored attempt by replaying its inputs. A changed scenario is reported, never guessed at. */
export async function reopenAttempt(store: ProgressStore, record: AttemptRecord, scenario: Scenario): Promise<Reopened> {
	if (record.contentHash !== scenario.hash)
		return { ok: false, record, reason: 'This attempt was made on an earlier version of the scenario, so it cannot be replayed step by step. Its score is kept.' };
	const [inputs] = await Promise.all([store.getInputs(record.id), loadGradersFor([scenario])]);
	try {
		return { ok: true, record, state: replay(scenario, record.seed, inputs.map((i) => i.input)) };
	} catch (e) {
		return { ok: false, record, reason: `This attempt could not be replayed: ${(e as Error).message}` };
	}
}

/**
 * Why the learner working now may not open a stored attempt named in the address, or undefined when
 * they may: an attempt is only ever written by its own learner (an `?attempt=` link opened by
 * someone else must not answer into another person's work).
 */
export function attemptRefusal(
	attempt: Pick<AttemptRecord, 'learnerId' | 'scenarioId'> | undefined,
	scenarioId: string,
	learner: Pick<Learner, 'id' | 'name'>,
	learners: readonly Pick<Learner, 'id' | 'name'>[]
): string | undefined {
	if (!attempt || attempt.scenarioId !== scenarioId) return 'That attempt is not stored in this browser. You can start the scenario afresh.';
	if (attempt.learnerId === learner.id) return undefined;
	const owner = learners.find((l) => l.id === attempt.learnerId);
	return owner
		? `That attempt is ${owner.name}'s, and you are working as ${learner.name}, so it was not opened and nothing was saved to it. To continue it, switch to ${owner.name} on the Learners page; or start an attempt of your own.`
		: `That attempt belongs to another learner, and you are working as ${learner.name}, so it was not opened and nothing was saved to it. You can start an attempt of your own.`;
}

/** The learner's unfinished attempt at a scenario on its current version, newest first. */
export function resumable(attempts: readonly AttemptRecord[], scenario: Scenario): AttemptRecord | undefined {
	return attempts
		.filter((a) => a.scenarioId === scenario.meta.id && a.status === 'in-progress' && a.contentHash === scenario.hash)
		.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** The learner's most recently finished attempt at a scenario (any version: its stored score stands), if any. */
export function lastFinished(attempts: readonly AttemptRecord[], scenarioId: string): AttemptRecord | undefined {
	return attempts
		.filter((a) => a.scenarioId === scenarioId && a.status !== 'in-progress')
		.sort((a, b) => (b.finishedAt ?? b.updatedAt) - (a.finishedAt ?? a.updatedAt))[0];
}

/** Steps whose unsubmitted work is kept as a draft, so a reload loses nothing. */
export function keepsDraft(kind: string): boolean {
	return kind === 'schedule' || kind === 'code' || kind === 'claim' || kind === 'remittance' || kind === 'verify' || kind === 'inbox' || kind === 'index' || kind === 'match' || kind === 'audit' || kind === 'report';
}

/** Decisions missed in a finished scenario come back in spaced review; a review write never fails the answer. */
async function scheduleScenarioReview(store: ProgressStore, learnerId: string, scenarioId: string, state: AttemptState, now: number) {
	try {
		// Loaded only when a scenario finishes: the FSRS scheduler stays out of the player's first load.
		const { cardsAfterScenario } = await import('./exam/session');
		const existing = new Map((await store.listReviewCards(learnerId)).map((c) => [c.id, c]));
		const examDate = await store.getSetting<string>(`examDate:${learnerId}`);
		const cards = cardsAfterScenario(scenarioId, state.outcomes, existing, now, examDate ? Date.parse(examDate) : undefined);
		if (cards.length) await store.putReviewCards(cards.map((c) => ({ ...c, learnerId })));
	} catch {
		// The answer is stored; a missing review card is not worth failing it for.
	}
}
