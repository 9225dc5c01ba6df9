/**
 * Where a student stands on an assignment, from their stored attempts: the one reading shared by the
 * student's assignment page, the gradebook and the LMS reports (SCORM, xAPI), so all of them agree.
 * Pure: no DOM, no storage.
 */
import type { Assignment } from '../assign/assignment';
import type { AttemptRecord, ExamSession, ShiftRun } from '../db/types';
import { mustAutoSubmit } from '../exam/clock';
import { scoreSession, type DomainOf, type SessionItem, type SessionScore } from '../exam/session';

export interface ScenarioStanding {
	scenarioId: string;
	/** The attempts that count: started after the assignment was made, oldest first, up to the attempts allowed. */
	attempts: AttemptRecord[];
	/** Best score of a finished attempt (0..1), if any. */
	best?: number;
	/** A finished attempt reached the pass mark with no critical error. */
	passed: boolean;
	/** At least one counted attempt is finished. */
	finished: boolean;
}

/** What standing reads of a run (a stored one, or one a result file carries). */
export type RunLike = Pick<ShiftRun, 'id' | 'shiftId' | 'assignmentId' | 'startedAt' | 'updatedAt' | 'finishedAt' | 'status' | 'score' | 'critical' | 'passMark'> & Partial<Pick<ShiftRun, 'contentHash' | 'evidence'>>;

export interface ShiftStanding<R extends RunLike = ShiftRun> {
	shiftId: string;
	/** The runs that count: worked from this assignment's link, oldest first, up to the attempts allowed. */
	runs: R[];
	/** Best score of a finished run (0..1), if any. */
	best?: number;
	/** A finished run reached the pass mark with no critical error. */
	passed: boolean;
	/** At least one counted run is finished. */
	finished: boolean;
}

/** What scoring a mock exam needs: the app's item bank (the keys) and each competency's domain. */
export interface ExamScoring {
	items: ReadonlyMap<string, SessionItem>;
	domainOf: DomainOf;
	/** Domain ids in the order results list them. */
	domainOrder: readonly string[];
}

export interface ExamStanding {
	/**
	 * The sessions that count: mock exams taken for this assignment, started after it was made, oldest
	 * first, up to the attempts allowed. An unsubmitted one uses an attempt too, as a scenario attempt does.
	 */
	sessions: ExamSession[];
	/** The score of each counted session that is submitted (or whose time ran out), oldest first. */
	scores: { sessionId: string; submittedAt: number; share: number; score: SessionScore }[];
	/** Best share right of a submitted session (0..1), if any. */
	best?: number;
	/** The best share reached the pass mark. */
	passed: boolean;
	/** At least one counted session is submitted. */
	finished: boolean;
}

export interface AssignmentStanding {
	scenarios: ScenarioStanding[];
	/** The assignment's shifts, in its order (empty when it names none). */
	shifts: ShiftStanding<RunLike>[];
	/** Present when the assignment holds a mock exam. */
	exam?: ExamStanding;
	/** Every scenario has a finished attempt, every shift a finished run, and the exam (if any) is submitted. */
	completed: boolean;
	/** Every scenario and shift passed, and the exam (if any). */
	passed: boolean;
	/** Mean over the parts (each scenario and the exam count one each) of the best scores, an unfinished part counting 0. */
	score: number;
}

/** The attempts on one scenario that count for the assignment. */
export function countedAttempts(assignment: Pick<Assignment, 'createdAt' | 'attemptsAllowed'>, attempts: readonly AttemptRecord[], scenarioId: string): AttemptRecord[] {
	return attempts
		.filter((a) => a.scenarioId === scenarioId && a.startedAt >= assignment.createdAt)
		.sort((a, b) => a.startedAt - b.startedAt)
		.slice(0, assignment.attemptsAllowed);
}

export function scenarioStanding(assignment: Pick<Assignment, 'createdAt' | 'attemptsAllowed' | 'passMark'>, attempts: readonly AttemptRecord[], scenarioId: string): ScenarioStanding {
	const mine = countedAttempts(assignment, attempts, scenarioId);
	const finished = mine.filter((a) => a.status !== 'in-progress');
	const best = finished.length ? Math.max(...finished.map((a) => a.score)) : undefined;
	return {
		scenarioId,
		attempts: mine,
		...(best !== undefined ? { best } : {}),
		passed: finished.some((a) => a.score >= assignment.passMark && a.critical.length === 0),
		finished: finished.length > 0
	};
}

/**
 * The runs of one shift that count for the assignment: made from its link (a shift opened from the
 * catalog is practice, never the assignment's work), after it was made, oldest first, up to the attempts allowed.
 */
export function countedShiftRuns<R extends RunLike>(assignment: Pick<Assignment, 'id' | 'createdAt' | 'attemptsAllowed'>, runs: readonly R[], shiftId: string): R[] {
	return runs
		.filter((r) => r.shiftId === shiftId && r.assignmentId === assignment.id && r.startedAt >= assignment.createdAt)
		.sort((a, b) => a.startedAt - b.startedAt)
		.slice(0, assignment.attemptsAllowed);
}

export function shiftStanding<R extends RunLike>(assignment: Pick<Assignment, 'id' | 'createdAt' | 'attemptsAllowed' | 'passMark'>, runs: readonly R[], shiftId: string): ShiftStanding<R> {
	const mine = countedShiftRuns(assignment, runs, shiftId);
	const finished = mine.filter((r) => r.status !== 'in-progress');
	const best = finished.length ? Math.max(...finished.map((r) => r.score)) : undefined;
	return {
		shiftId,
		runs: mine,
		...(best !== undefined ? { best } : {}),
		passed: finished.some((r) => r.score >= assignment.passMark && r.critical.length === 0),
		finished: finished.length > 0
	};
}

/** The assignment's mock exam sessions that count (see ExamStanding.sessions). */
export function countedExamSessions(assignment: Pick<Assignment, 'id' | 'createdAt' | 'attemptsAllowed'>, sessions: readonly ExamSession[]): ExamSession[] {
	return sessions
		.filter((s) => s.mode === 'mock' && s.assignmentId === assignment.id && s.startedAt >= assignment.createdAt)
		.sort((a, b) => a.startedAt - b.startedAt)
		.slice(0, assignment.attemptsAllowed);
}

/**
 * When the session ended: submitted, or (given `now`) the moment its time ran out, since answers after
 * that are never accepted. A tab closed mid-exam thus still counts once its time is up.
 */
function endedAt(s: ExamSession, now?: number): number | undefined {
	if (s.submittedAt !== undefined) return s.submittedAt;
	if (now !== undefined && s.durationMs && mustAutoSubmit({ startedAt: s.startedAt, durationMs: s.durationMs }, now)) return s.startedAt + s.durationMs;
	return undefined;
}

/** Scored with the exam hub's own scoring (exam/session.ts), so the student, the gradebook and the LMS see one figure. */
export function examStanding(
	assignment: Pick<Assignment, 'id' | 'createdAt' | 'attemptsAllowed' | 'passMark'>,
	sessions: readonly ExamSession[],
	scoring: ExamScoring,
	now?: number
): ExamStanding {
	const counted = countedExamSessions(assignment, sessions);
	const scores = counted.flatMap((s) => {
		const at = endedAt(s, now);
		if (at === undefined) return [];
		const score = scoreSession(s, scoring.items, scoring.domainOf, scoring.domainOrder);
		return [{ sessionId: s.id, submittedAt: at, share: score.correct / Math.max(1, score.total), score }];
	});
	const best = scores.length ? Math.max(...scores.map((x) => x.share)) : undefined;
	return { sessions: counted, scores, ...(best !== undefined ? { best } : {}), passed: best !== undefined && best >= assignment.passMark, finished: scores.length > 0 };
}

/** Points earned and possible for one competency (or exam domain). */
export interface Points {
	earned: number;
	possible: number;
}

/**
 * Each competency's points summed over the attempts given, in first-seen order: over every counted
 * attempt for the gradebook's heat map and the LMS objectives, over each scenario's best for the
 * gradebook's other reading. The one tally of competency evidence, so those readings agree.
 */
export function competencyTotals(attempts: readonly Pick<AttemptRecord, 'evidence'>[]): Map<string, Points> {
	const totals = new Map<string, Points>();
	for (const a of attempts)
		for (const e of a.evidence) {
			const t = totals.get(e.competency) ?? { earned: 0, possible: 0 };
			totals.set(e.competency, { earned: t.earned + e.earned, possible: t.possible + e.possible });
		}
	return totals;
}

/** Each exam domain's items right and items asked over the exam's scored sessions (an exam item is one point). */
export function examDomainTotals(exam: ExamStanding | undefined): Map<string, Points> {
	const totals = new Map<string, Points>();
	for (const s of exam?.scores ?? [])
		for (const d of s.score.byDomain) {
			if (!d.total) continue;
			const t = totals.get(d.domain) ?? { earned: 0, possible: 0 };
			totals.set(d.domain, { earned: t.earned + d.correct, possible: t.possible + d.total });
		}
	return totals;
}

/** The exam's sessions and how to score them; without it an assignment's exam counts as not taken. */
export interface ExamInput {
	sessions: readonly ExamSession[];
	scoring: ExamScoring;
	/** Counts a session whose time ran out by then as submitted at time-out. */
	now?: number;
}

export function assignmentStanding(
	assignment: Pick<Assignment, 'id' | 'createdAt' | 'attemptsAllowed' | 'passMark' | 'scenarios' | 'exam'> & Partial<Pick<Assignment, 'shifts'>>,
	attempts: readonly AttemptRecord[],
	exam?: ExamInput,
	shiftRuns: readonly RunLike[] = []
): AssignmentStanding {
	const scenarios = assignment.scenarios.map((id) => scenarioStanding(assignment, attempts, id));
	const shifts = (assignment.shifts ?? []).map((id) => shiftStanding(assignment, shiftRuns, id));
	const examPart = assignment.exam ? (exam ? examStanding(assignment, exam.sessions, exam.scoring, exam.now) : { sessions: [], scores: [], passed: false, finished: false }) : undefined;
	return standingOf(scenarios, examPart, shifts);
}

/** The whole from its parts (each scenario, each shift and the exam count one each). */
export function standingOf(scenarios: ScenarioStanding[], examPart?: ExamStanding, shifts: ShiftStanding<RunLike>[] = []): AssignmentStanding {
	const parts: { best?: number; passed: boolean; finished: boolean }[] = [...scenarios, ...shifts, ...(examPart ? [examPart] : [])];
	return {
		scenarios,
		shifts,
		...(examPart ? { exam: examPart } : {}),
		completed: parts.every((p) => p.finished),
		passed: parts.every((p) => p.passed),
		score: parts.reduce((n, p) => n + (p.best ?? 0), 0) / Math.max(1, parts.length)
	};
}
