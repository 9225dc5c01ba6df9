import type { Evidence, Input } from '../engine/types';
import type { ReviewCard } from '../exam/review';
import type { ExamChange } from '../exam/changes';
import type { Assignment } from '../assign/assignment';

export interface Learner {
	id: string;
	name: string;
	createdAt: number;
}

export type AttemptStatus = 'in-progress' | 'passed' | 'failed';

/** An attempt is its scenario, content version, seed and inputs; the rest is a cached summary. */
export interface AttemptRecord {
	id: string;
	learnerId: string;
	scenarioId: string;
	/** Hash of the scenario source the attempt was made on. */
	contentHash: string;
	seed: number;
	startedAt: number;
	updatedAt: number;
	finishedAt?: number;
	status: AttemptStatus;
	earned: number;
	possible: number;
	score: number;
	critical: string[];
	/** Evidence so far, so mastery needs no replay. */
	evidence: Evidence[];
	inputCount: number;
	/**
	 * An attempt made from an assignment's link: the assignment's id and its pass mark, which rules the
	 * attempt's status everywhere (player, results, assignment page, gradebook, LMS). Absent on attempts
	 * made outside an assignment (and on those stored before these fields existed): the scenario's mark rules.
	 * Not indexed, so no schema version.
	 */
	assignmentId?: string;
	passMark?: number;
	/**
	 * The assignment shows feedback only when the scenario is finished: kept on the attempt, so any way
	 * back to it (My progress, Results, a reload, an address without the link's query) holds it back too.
	 */
	feedback?: 'after';
}

export interface InputRecord {
	attemptId: string;
	/** 0-based position in the attempt. */
	seq: number;
	stepId: string;
	input: Input;
	at: number;
}

/** Unsubmitted work inside a step (a schedule book being edited), so a reload loses nothing. */
export interface DraftRecord {
	attemptId: string;
	stepId: string;
	/** The step's work so far, in the interaction's own input shape. */
	work: unknown;
	at: number;
}

/** A practice set, a timed mock exam or a review session over exam items. */
export interface ExamSession {
	id: string;
	learnerId: string;
	mode: 'practice' | 'mock' | 'review';
	framework: string;
	title: string;
	itemIds: string[];
	/** Item id → the option chosen. */
	answers: Record<string, 'a' | 'b' | 'c' | 'd'>;
	/** Items flagged to come back to before submitting (mock exams). */
	marked: string[];
	startedAt: number;
	/** Mock exams only: the time allowed. */
	durationMs?: number;
	submittedAt?: number;
	/** When each answer was given, for readiness (item id → time). */
	answeredAt: Record<string, number>;
	/** Mock exams: the item the learner was on, so reopening returns there. */
	currentItemId?: string;
	/** A mock exam taken as part of an assignment: the assignment's id (not indexed; filter the learner's sessions). */
	assignmentId?: string;
}

/** An FSRS review card (see exam/review.ts) for one learner. */
export interface StoredReviewCard extends ReviewCard {
	learnerId: string;
}

/** A scenario written in the app: its Markdown source, checked with the build's rules when opened. */
export interface AuthoredScenario {
	id: string;
	title: string;
	source: string;
	updatedAt: number;
}

/** An assignment that reports to an LRS, kept so any page can report without the link (schema v6). */
export interface StoredAssignment {
	id: string;
	assignment: Assignment;
	savedAt: number;
}

/** One learner's xAPI reporting on one assignment: when they opened it, and the statement ids the LRS acknowledged. */
export interface XapiRecord {
	learnerId: string;
	assignmentId: string;
	launches: number[];
	acknowledged: string[];
}

/** One result file as the gradebook read it: its name, its exact text (the seal covers it) and its size. */
export interface GradebookFile {
	name: string;
	text: string;
	bytes: number;
	addedAt: number;
}

/** An instructor's gradebook for one assignment: the result files imported, kept until cleared (schema v7). */
export interface StoredGradebook {
	assignmentId: string;
	assignment: Assignment;
	files: GradebookFile[];
	updatedAt: number;
}

/**
 * A shift worked by a learner (schema v8): like an attempt, its seed and inputs are the truth and the
 * rest is a cached summary. Inputs are kept in the record itself: a shift has at most a few hundred.
 */
export interface ShiftRun {
	id: string;
	learnerId: string;
	shiftId: string;
	/** Hash of the shift source the run was made on. */
	contentHash: string;
	seed: number;
	inputs: import('../engine/shift').ShiftInput[];
	/**
	 * When each input was made (ms since the epoch, wall clock), one per input, never decreasing: what an
	 * LRS or LMS is told of each answer. Beside the inputs, not in them, so the engine's replay never sees
	 * it. Absent on runs stored before it was kept (their answers are dated at the run's end).
	 */
	inputTimes?: number[];
	startedAt: number;
	updatedAt: number;
	finishedAt?: number;
	status: AttemptStatus;
	score: number;
	critical: string[];
	/** Evidence from every task worked, so mastery needs no replay. */
	evidence: Evidence[];
	/** A run made from an assignment's link: its id and pass mark (which rules the run's status), as attempts carry them. */
	assignmentId?: string;
	passMark?: number;
	/** The assignment shows feedback only when the work is finished: kept on the run, so any way back to it (Results, My progress, a reload) holds feedback back too. */
	feedback?: 'after';
}

/** The one door to stored progress; IndexedDB when the browser allows it, memory when it does not. */
export interface ProgressStore {
	readonly kind: 'indexeddb' | 'memory';
	listLearners(): Promise<Learner[]>;
	putLearner(learner: Learner): Promise<void>;
	getSetting<T>(key: string): Promise<T | undefined>;
	setSetting(key: string, value: unknown): Promise<void>;
	createAttempt(attempt: AttemptRecord): Promise<void>;
	getAttempt(id: string): Promise<AttemptRecord | undefined>;
	listAttempts(learnerId: string): Promise<AttemptRecord[]>;
	/** Writes one input and the attempt's new summary together, or neither; drops the step's draft when asked. */
	appendInput(input: InputRecord, attempt: AttemptRecord, options?: { clearDraft?: boolean }): Promise<void>;
	getInputs(attemptId: string): Promise<InputRecord[]>;
	getDraft(attemptId: string, stepId: string): Promise<DraftRecord | undefined>;
	putDraft(draft: DraftRecord): Promise<void>;
	/** Every input of these attempts, in order. */
	getInputsOf(attemptIds: string[]): Promise<InputRecord[]>;
	/** Carries out an import plan in one transaction: all of it is written, or none. */
	applyImport(plan: import('./transfer').ImportPlan): Promise<void>;
	/** Removes a learner with every attempt, input and draft of theirs, in one transaction. */
	deleteLearner(learnerId: string): Promise<void>;
	/** Calls back with the learner's attempts now and whenever they change, in this tab or another. */
	watchAttempts(learnerId: string, onChange: (attempts: AttemptRecord[]) => void): () => void;
	/** Stores a new exam session, or replaces one whole (the exam hub's start, an import). */
	putExamSession(session: ExamSession): Promise<void>;
	/**
	 * Applies one change to a stored exam session, with the review cards it produces, in one
	 * transaction, and returns the session as stored. Refused with an ExamSessionConflict (exam/changes.ts),
	 * writing nothing, when the stored session's progress is no longer `expected` (another tab changed it).
	 */
	updateExamSession(expected: ExamSession, change: ExamChange, cards?: StoredReviewCard[]): Promise<ExamSession>;
	getExamSession(id: string): Promise<ExamSession | undefined>;
	listExamSessions(learnerId: string): Promise<ExamSession[]>;
	/** Calls back with the learner's exam sessions now and whenever they change, in this tab or another. */
	watchExamSessions(learnerId: string, onChange: (sessions: ExamSession[]) => void): () => void;
	listReviewCards(learnerId: string): Promise<StoredReviewCard[]>;
	putReviewCards(cards: StoredReviewCard[]): Promise<void>;
	putAuthored(scenario: AuthoredScenario): Promise<void>;
	getAuthored(id: string): Promise<AuthoredScenario | undefined>;
	listAuthored(): Promise<AuthoredScenario[]>;
	deleteAuthored(id: string): Promise<void>;
	putAssignment(record: StoredAssignment): Promise<void>;
	listAssignments(): Promise<StoredAssignment[]>;
	/** Adds a time the learner opened the assignment (a time already recorded is not added twice). */
	recordLaunch(learnerId: string, assignmentId: string, at: number): Promise<void>;
	/** The learner's launches and acknowledged statement ids for the assignment (empty lists when none). */
	getXapiRecord(learnerId: string, assignmentId: string): Promise<XapiRecord>;
	/** Adds statement ids the LRS acknowledged, in one transaction with what is already there. */
	acknowledgeStatements(learnerId: string, assignmentId: string, ids: string[]): Promise<void>;
	/** The gradebook kept for an assignment, if any result files were imported for it and not cleared. */
	getGradebook(assignmentId: string): Promise<StoredGradebook | undefined>;
	/** Every kept gradebook, the most recently changed first. */
	listGradebooks(): Promise<StoredGradebook[]>;
	/**
	 * Adds result files to the assignment's gradebook in one transaction with what is kept (a file whose
	 * exact text is already kept is not added twice) and returns the gradebook as stored.
	 */
	addGradebookFiles(assignment: Assignment, files: readonly Omit<GradebookFile, 'addedAt'>[], at: number): Promise<StoredGradebook>;
	createShiftRun(run: ShiftRun): Promise<void>;
	/**
	 * Stores the run with one more input, in one transaction, only when the stored run still has
	 * `expectedInputs` inputs; otherwise refused with a ShiftRunConflict and nothing written.
	 */
	advanceShiftRun(run: ShiftRun, expectedInputs: number): Promise<void>;
	getShiftRun(id: string): Promise<ShiftRun | undefined>;
	listShiftRuns(learnerId: string): Promise<ShiftRun[]>;
	/** Calls back with the learner's shift runs now and whenever they change, in this tab or another. */
	watchShiftRuns(learnerId: string, onChange: (runs: ShiftRun[]) => void): () => void;
	/** Forgets the assignment's gradebook (its kept result files); the students' own files are not touched. */
	clearGradebook(assignmentId: string): Promise<void>;
}
