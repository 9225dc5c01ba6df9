/**
 * A learner's progress as one versioned JSON file: export, validation of an untrusted file, and the
 * plan for merging it into what is stored. Pure (no Dexie): the stores carry the plan out in one
 * transaction, so a file is imported whole or not at all.
 */
import { z } from '../zod';
import type { AttemptRecord, ExamSession, InputRecord, Learner, ShiftRun, StoredReviewCard } from './types';
import { hasMarkup, MAX_CRITICAL_CHARS, MAX_ID_CHARS, MAX_LIST_ITEMS, MAX_POINTS } from '../limits';

export const PROGRESS_FORMAT = 'front-desk-simulator/progress';
export const PROGRESS_VERSION = 1;
/** Larger than any real export (2,000 attempts with 50,000 decisions is about 12 MB). */
export const MAX_PROGRESS_BYTES = 40 * 2 ** 20;

export interface ProgressFile {
	format: typeof PROGRESS_FORMAT;
	version: typeof PROGRESS_VERSION;
	exportedAt: string;
	learner: Learner;
	attempts: AttemptRecord[];
	inputs: InputRecord[];
	/** Exam prep (absent in files from before exam prep). */
	examSessions?: ExamSession[];
	reviewCards?: StoredReviewCard[];
	/** Shifts worked (absent in files from before shifts). */
	shiftRuns?: ShiftRun[];
}

// Free text may hold anything a learner types, except markup: a tag in a progress file is an attack.
const Text = (max: number) =>
	z
		.string()
		.max(max, `must be at most ${max} characters`)
		.refine((s) => !hasMarkup(s), 'must not contain HTML markup');
// The limits content meets too (src/lib/limits.ts), so an attempt at any scenario that passes the content check fits.
const Id = z.string().min(1).max(MAX_ID_CHARS).regex(/^[A-Za-z0-9._:-]+$/, 'must be an id of letters, digits, dots, dashes or colons');
const Time = z.number().int().min(0).max(8.64e15);
const Points = z.number().finite().min(0).max(MAX_POINTS);
const Evidence = z.strictObject({ competency: Text(120), earned: Points, possible: Points }).refine((e) => e.earned <= e.possible, 'earned must not exceed possible');

const Count = z.number().int().min(0).max(1000).nullable();
const ActionValue = z.union([Text(500), z.number().finite(), z.boolean(), z.null(), z.strictObject({ count: Count, everyDays: Count })], {
	error: 'must be text, a number, true or false, or a series { count, everyDays }'
});

const Answer = z.union([
	z.strictObject({ kind: z.literal('choice'), optionId: Text(MAX_ID_CHARS) }),
	z.strictObject({ kind: z.literal('multi-choice'), optionIds: z.array(Text(MAX_ID_CHARS)).max(MAX_LIST_ITEMS) }),
	z.strictObject({ kind: z.literal('dialogue'), replyId: Text(MAX_ID_CHARS) }),
	z.strictObject({ kind: z.literal('triage'), placements: z.record(Text(MAX_ID_CHARS), Text(MAX_ID_CHARS)) }),
	z.strictObject({ kind: z.literal('triage'), order: z.array(Text(MAX_ID_CHARS)).max(MAX_LIST_ITEMS) }),
	z.strictObject({
		kind: z.literal('schedule'),
		// Actions are checked by the schedule book when replayed; here only their shape is bounded (no nesting, no markup).
		actions: z.array(z.object({ op: z.enum(['book', 'move', 'cancel', 'no-show', 'waitlist-add']) }).catchall(ActionValue)).max(500),
		collected: z.record(Text(MAX_ID_CHARS), Text(500))
	}),
	z.strictObject({
		kind: z.literal('code'),
		diagnoses: z.array(Text(10)).max(12),
		lines: z.array(z.strictObject({ code: Text(10), modifiers: z.array(Text(4)).max(4), units: z.number().int().min(0).max(999), pointers: Text(12) })).max(6)
	}),
	z.strictObject({ kind: z.literal('claim'), fields: z.record(Text(20), Text(200)) }),
	z.strictObject({
		kind: z.literal('remittance'),
		lines: z.array(z.strictObject({ payment: Text(20), adjustment: Text(20), patient: Text(20) })).max(6),
		balance: Text(20)
	}),
	z.strictObject({ kind: z.literal('verify'), actions: z.record(Text(MAX_ID_CHARS), Text(MAX_ID_CHARS)), collect: Text(20) }),
	z.strictObject({ kind: z.literal('inbox'), items: z.record(Text(MAX_ID_CHARS), z.strictObject({ route: Text(MAX_ID_CHARS), priority: Text(MAX_ID_CHARS), reply: Text(MAX_ID_CHARS).optional() })) }),
	z.strictObject({ kind: z.literal('index'), filed: z.record(Text(MAX_ID_CHARS), z.strictObject({ misdirected: z.boolean(), patient: Text(MAX_ID_CHARS), type: Text(MAX_ID_CHARS), date: Text(20) })) }),
	z.strictObject({ kind: z.literal('match'), pairs: z.record(Text(MAX_ID_CHARS), z.strictObject({ action: Text(MAX_ID_CHARS), survivor: Text(20), fixes: z.record(Text(MAX_ID_CHARS), Text(200)) })) }),
	z.strictObject({ kind: z.literal('audit'), rows: z.record(Text(MAX_ID_CHARS), z.strictObject({ verdict: z.enum(['appropriate', 'inappropriate']), reason: Text(MAX_ID_CHARS), exception: Text(MAX_ID_CHARS), factors: z.record(Text(MAX_ID_CHARS), Text(MAX_ID_CHARS)), conclusion: Text(MAX_ID_CHARS), notify: z.array(Text(MAX_ID_CHARS)).max(10), deadline: Text(20) })) }),
	z.strictObject({ kind: z.literal('report'), report: Text(MAX_ID_CHARS), filters: z.record(Text(MAX_ID_CHARS), Text(MAX_ID_CHARS)), answers: z.record(Text(MAX_ID_CHARS), z.union([Text(MAX_ID_CHARS), z.array(Text(MAX_ID_CHARS)).max(MAX_LIST_ITEMS)])) })
], { error: 'must be a decision: an object with its "kind" and the answer' });

const LearnerSchema = z.strictObject({ id: Id, name: Text(60).refine((s) => s.trim() !== '', 'must not be empty'), createdAt: Time });

export const AttemptSchema = z.strictObject({
	id: Id,
	learnerId: Id,
	scenarioId: Id,
	contentHash: Text(40),
	seed: z.number().int().min(0).max(2 ** 32),
	startedAt: Time,
	updatedAt: Time,
	finishedAt: Time.optional(),
	status: z.enum(['in-progress', 'passed', 'failed']),
	earned: Points,
	possible: Points,
	score: z.number().min(0).max(1),
	critical: z.array(Text(MAX_CRITICAL_CHARS)).max(50),
	evidence: z.array(Evidence).max(500),
	inputCount: z.number().int().min(0).max(1000),
	/** Optional: the assignment the attempt was made for and its pass mark (files from before them still load). */
	assignmentId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be 8-40 letters, digits, dashes or underscores').optional(),
	passMark: z.number().min(0.5).max(1).optional(),
	feedback: z.literal('after').optional()
}).refine((a) => (a.assignmentId === undefined) === (a.passMark === undefined), { path: ['passMark'], message: 'an assignment\'s pass mark comes with its assignment id, and the id with its pass mark' });

export const InputSchema = z.strictObject({ attemptId: Id, seq: z.number().int().min(0).max(999), stepId: Text(MAX_ID_CHARS), input: Answer, at: Time });

/** A shift's inputs: the learner's moves at the desk (engine/shift.ts ShiftInput). */
const TaskKey = Text(MAX_ID_CHARS + 4);
const ShiftInputSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('work'), task: TaskKey }),
	z.strictObject({ kind: z.literal('answer'), input: Answer }),
	z.strictObject({ kind: z.literal('hold'), task: TaskKey }),
	z.strictObject({ kind: z.literal('set-aside'), task: TaskKey }),
	z.strictObject({ kind: z.literal('wait') }),
	z.strictObject({ kind: z.literal('tick'), minutes: z.number().int().min(1).max(60) })
]);
export const ShiftRunSchema = z.strictObject({
	id: Id,
	learnerId: Id,
	shiftId: Id,
	contentHash: Text(40),
	seed: z.number().int().min(0).max(2 ** 32),
	inputs: z.array(ShiftInputSchema).max(5000),
	/** When each input was made (absent in files from before the times were kept). */
	inputTimes: z.array(Time).max(5000).optional(),
	startedAt: Time,
	updatedAt: Time,
	finishedAt: Time.optional(),
	status: z.enum(['in-progress', 'passed', 'failed']),
	score: z.number().min(0).max(1),
	critical: z.array(Text(MAX_CRITICAL_CHARS)).max(50),
	evidence: z.array(Evidence).max(2000),
	assignmentId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be 8-40 letters, digits, dashes or underscores').optional(),
	passMark: z.number().min(0.5).max(1).optional(),
	feedback: z.literal('after').optional()
})
	.refine((r) => (r.assignmentId === undefined) === (r.passMark === undefined), { path: ['passMark'], message: 'an assignment\'s pass mark comes with its assignment id, and the id with its pass mark' })
	.superRefine((r, ctx) => {
		const problem = inputTimesProblem(r.inputs.length, r.inputTimes);
		if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
	});

/** Input times, when given, are one per input and never go back: the answers' dates an LMS is told. */
function inputTimesProblem(inputs: number, times: readonly number[] | undefined): { path: (string | number)[]; message: string } | undefined {
	if (times === undefined) return;
	if (times.length !== inputs) return { path: ['inputTimes'], message: `must hold one time per input (${times.length} time${times.length === 1 ? '' : 's'} for ${inputs} input${inputs === 1 ? '' : 's'})` };
	const back = times.findIndex((t, n) => n > 0 && t < times[n - 1]!);
	if (back > 0) return { path: ['inputTimes', back], message: `must not be earlier than the time before it (input ${back + 1} is dated before input ${back})` };
}

const Letter = z.enum(['a', 'b', 'c', 'd']);
export const ExamSessionSchema = z.strictObject({
	id: Id,
	learnerId: Id,
	mode: z.enum(['practice', 'mock', 'review']),
	framework: Id,
	title: Text(120),
	itemIds: z.array(Id).max(300),
	answers: z.record(Id, Letter),
	marked: z.array(Id).max(300),
	startedAt: Time,
	durationMs: z.number().int().min(0).max(24 * 3_600_000).optional(),
	submittedAt: Time.optional(),
	answeredAt: z.record(Id, Time),
	currentItemId: Id.optional(),
	assignmentId: Id.optional()
});
const ReviewCardSchema = z.strictObject({
	learnerId: Id,
	id: Text(200).regex(/^(item|step):[A-Za-z0-9._:-]+$/, 'must be item:<id> or step:<scenario>:<step>'),
	due: Time,
	stability: z.number().finite().min(0),
	difficulty: z.number().finite().min(0).max(10),
	elapsedDays: z.number().finite().min(0),
	scheduledDays: z.number().finite().min(0),
	learningSteps: z.number().int().min(0).max(100),
	reps: z.number().int().min(0).max(100_000),
	lapses: z.number().int().min(0).max(100_000),
	state: z.enum(['new', 'learning', 'review', 'relearning']),
	lastReview: Time.optional()
});

const FileSchema = z.strictObject({
	format: z.literal(PROGRESS_FORMAT, { error: `is not "${PROGRESS_FORMAT}": this is not a progress file from the simulator` }),
	version: z.number(),
	exportedAt: Text(40),
	learner: LearnerSchema,
	attempts: z.array(AttemptSchema).max(20_000),
	inputs: z.array(InputSchema).max(500_000),
	examSessions: z.array(ExamSessionSchema).max(20_000).optional(),
	reviewCards: z.array(ReviewCardSchema).max(100_000).optional(),
	shiftRuns: z.array(ShiftRunSchema).max(5000).optional()
});

export function exportProgress(learner: Learner, attempts: AttemptRecord[], inputs: InputRecord[], now: number, exam: { sessions: ExamSession[]; cards: StoredReviewCard[] } = { sessions: [], cards: [] }, shiftRuns: ShiftRun[] = []): ProgressFile {
	return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date(now).toISOString(), learner, attempts, inputs, examSessions: exam.sessions, reviewCards: exam.cards, shiftRuns };
}

export type Parsed = { ok: true; file: ProgressFile } | { ok: false; error: string };

/** A value as a message may quote it: short, and never a whole hostile structure (a deep one would overflow JSON.stringify). */
const brief = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === undefined ? 'missing' : Array.isArray(v) ? 'a list' : v === null ? 'null' : 'an object');

/** A size in MB to one decimal, rounded up: a file just over a 10 MB limit reads 10.1, not 10.0. */
export const megabytes = (bytes: number) => (Math.ceil((bytes / 2 ** 20) * 10) / 10).toFixed(1);

/** Validates an untrusted file completely before anything is written; the error names the problem. */
export function parseProgressFile(text: string, bytes = text.length): Parsed {
	if (bytes > MAX_PROGRESS_BYTES) return { ok: false, error: `The file is too large (${megabytes(bytes)} MB; a progress file is at most ${MAX_PROGRESS_BYTES / 2 ** 20} MB).` };
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		return { ok: false, error: `The file is not valid JSON (${(e as Error).message}). It may be cut short or not a progress file.` };
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'The file does not hold a progress export (expected a JSON object).' };
	const head = raw as Record<string, unknown>;
	if (head.format !== PROGRESS_FORMAT) return { ok: false, error: 'This is not a progress file from the front-desk simulator (its "format" is missing or different).' };
	if (head.version !== PROGRESS_VERSION)
		return { ok: false, error: `The file is progress format version ${brief(head.version)}; this version of the app reads version ${PROGRESS_VERSION}.` };
	const parsed = FileSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = firstIssue(parsed.error.issues);
		const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
		return { ok: false, error: `The file has a problem at ${where || 'the top level'}: ${issue.message}.` };
	}
	const file = parsed.data as ProgressFile;
	const problem = consistency(file);
	return problem ? { ok: false, error: `The file is inconsistent: ${problem}.` } : { ok: true, file };
}

/**
 * The first problem zod found, with a failed union (a decision of some kind) or record key opened up,
 * so the message names the field inside it rather than saying "Invalid input".
 */
export function firstIssue(issues: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; message: string; code: string } {
	const issue = issues[0]!;
	if (issue.code === 'invalid_union' && issue.errors.length) {
		const wrongKind = issue.errors.map((branch) => branch.find((i) => i.code === 'invalid_value' && i.path.length === 1 && i.path[0] === 'kind'));
		if (wrongKind.every((k) => k)) {
			const kinds = [...new Set(wrongKind.flatMap((k) => (k as z.core.$ZodIssueInvalidValue).values))];
			return { path: [...issue.path, 'kind'], message: `must be one of ${kinds.map((k) => JSON.stringify(k)).join(', ')}`, code: 'invalid_value' };
		}
		// The branch for the kind given, or else the one closest to fitting: fewest problems, then the one that got
		// furthest inside the value, then one whose type fitted (text with markup is "no markup", not "must be text").
		const fits = issue.errors.filter((b, i) => !wrongKind[i] && b.length);
		const fewest = Math.min(...fits.map((b) => b.length));
		const inner = fits.filter((b) => b.length === fewest).map(firstIssue);
		const depth = Math.max(...inner.map((c) => c.path.length));
		let closest = inner.filter((c) => c.path.length === depth);
		if (depth === 0 && closest.some((c) => c.code !== 'invalid_type')) closest = closest.filter((c) => c.code !== 'invalid_type');
		if (closest.length === 1) return { ...closest[0]!, path: [...issue.path, ...closest[0]!.path] };
		// A tie inside the value (triage by placements or by order) names both; a tie on the value itself takes the union's own message.
		if (closest.length > 1 && depth > 0) return { path: issue.path, message: [...new Set(closest.map((c) => `${c.path.map(String).join('.')}: ${c.message}`))].join('; or '), code: 'invalid_union' };
	}
	if (issue.code === 'invalid_key' && issue.issues.length) return { path: issue.path, message: `this key is not allowed (${firstIssue(issue.issues).message})`, code: issue.code };
	return { path: issue.path, message: issue.message, code: issue.code };
}

function consistency(file: ProgressFile): string | undefined {
	const runIds = new Set<string>();
	for (const r of file.shiftRuns ?? []) {
		if (runIds.has(r.id)) return `shift run ${r.id} appears twice`;
		if (r.learnerId !== file.learner.id) return `shift run ${r.id} belongs to another learner`;
		runIds.add(r.id);
	}
	const sessionIds = new Set<string>();
	for (const s of file.examSessions ?? []) {
		if (sessionIds.has(s.id)) return `exam session ${s.id} appears twice`;
		if (s.learnerId !== file.learner.id) return `exam session ${s.id} belongs to another learner`;
		sessionIds.add(s.id);
	}
	const cardIds = new Set<string>();
	for (const c of file.reviewCards ?? []) {
		if (cardIds.has(c.id)) return `review card ${c.id} appears twice`;
		if (c.learnerId !== file.learner.id) return `review card ${c.id} belongs to another learner`;
		cardIds.add(c.id);
	}
	const attempts = new Map<string, AttemptRecord>();
	for (const a of file.attempts) {
		if (attempts.has(a.id)) return `attempt ${a.id} appears twice`;
		if (a.learnerId !== file.learner.id) return `attempt ${a.id} belongs to another learner`;
		if (a.earned > a.possible) return `attempt ${a.id} earned more points than were possible`;
		attempts.set(a.id, a);
	}
	const seqs = new Map<string, number[]>();
	for (const i of file.inputs) {
		if (!attempts.has(i.attemptId)) return `a decision belongs to attempt ${i.attemptId}, which is not in the file`;
		const list = seqs.get(i.attemptId) ?? [];
		list.push(i.seq);
		seqs.set(i.attemptId, list);
	}
	for (const [id, a] of attempts) {
		const list = (seqs.get(id) ?? []).sort((x, y) => x - y);
		if (list.length !== a.inputCount || list.some((s, n) => s !== n)) return `attempt ${id} should have decisions 1 to ${a.inputCount}, each once`;
	}
}

export interface ImportPlan {
	/** Set when the learner is not on this computer yet. */
	newLearner?: Learner;
	learnerId: string;
	addAttempts: AttemptRecord[];
	/** Attempts stored here with fewer decisions than the file: their summary is replaced. */
	extendAttempts: AttemptRecord[];
	addInputs: InputRecord[];
	/** Attempts already here, as complete as in the file. */
	unchanged: number;
	/** Exam sessions new here, or further along in the file (more answers, or submitted). */
	putSessions: ExamSession[];
	/** Review cards new here, or reviewed more recently in the file. */
	putCards: StoredReviewCard[];
	/** Shift runs new here, or further along in the file (its inputs continue the stored ones). */
	putShiftRuns: ShiftRun[];
}

/**
 * Merges by id: a new attempt is added whole; an attempt stored with fewer decisions gets the rest
 * (when the stored ones match); anything else already here is left as it is. Importing twice adds
 * nothing the second time.
 */
export function planImport(
	file: ProgressFile,
	stored: {
		learners: Learner[];
		/** Stored attempts with the file's attempt ids, whoever's they are (ids are global). */
		attempts: Pick<AttemptRecord, 'id' | 'learnerId' | 'inputCount'>[];
		inputsOf: (attemptId: string) => Pick<InputRecord, 'seq' | 'stepId'>[];
		/** Stored sessions with the file's session ids, whoever's they are (ids are global). */
		sessions?: ExamSession[];
		cards?: StoredReviewCard[];
		/** Stored shift runs with the file's run ids, whoever's they are (ids are global). */
		shiftRuns?: ShiftRun[];
	}
): ImportPlan | string {
	const here = new Map(stored.attempts.map((a) => [a.id, a]));
	const plan: ImportPlan = { learnerId: file.learner.id, addAttempts: [], extendAttempts: [], addInputs: [], unchanged: 0, putSessions: [], putCards: [], putShiftRuns: [] };
	const runsHere = new Map((stored.shiftRuns ?? []).map((r) => [r.id, r]));
	for (const r of file.shiftRuns ?? []) {
		const here = runsHere.get(r.id);
		if (here && here.learnerId !== r.learnerId) return `shift run ${r.id} is stored here for another learner`;
		// Taken when new, or when the file's run continues the stored one (same start, more inputs).
		const continues = here && r.inputs.length > here.inputs.length && JSON.stringify(r.inputs.slice(0, here.inputs.length)) === JSON.stringify(here.inputs);
		if (!here || continues) plan.putShiftRuns.push(r);
	}
	const sessionsHere = new Map((stored.sessions ?? []).map((x) => [x.id, x]));
	for (const s of file.examSessions ?? []) {
		const here = sessionsHere.get(s.id);
		// Session ids are global, like attempt ids: a file must never take over another learner's session.
		if (here && here.learnerId !== s.learnerId) return `exam session ${s.id} is stored here for another learner`;
		const progress = (x: ExamSession) => Object.keys(x.answers).length + (x.submittedAt !== undefined ? 1000 : 0);
		if (!here || progress(s) > progress(here)) plan.putSessions.push(s);
	}
	const cardsHere = new Map((stored.cards ?? []).map((c) => [c.id, c]));
	for (const c of file.reviewCards ?? []) {
		const here = cardsHere.get(c.id);
		if (!here || (c.lastReview ?? 0) > (here.lastReview ?? 0)) plan.putCards.push(c);
	}
	if (!stored.learners.some((l) => l.id === file.learner.id)) plan.newLearner = file.learner;
	const inputsByAttempt = new Map<string, InputRecord[]>();
	for (const i of file.inputs) inputsByAttempt.set(i.attemptId, [...(inputsByAttempt.get(i.attemptId) ?? []), i]);
	for (const a of file.attempts) {
		const mine = (inputsByAttempt.get(a.id) ?? []).sort((x, y) => x.seq - y.seq);
		const existing = here.get(a.id);
		if (!existing) {
			plan.addAttempts.push(a);
			plan.addInputs.push(...mine);
			continue;
		}
		if (existing.learnerId !== a.learnerId) return `attempt ${a.id} is stored here for another learner`;
		if (existing.inputCount >= a.inputCount) {
			plan.unchanged++;
			continue;
		}
		const storedInputs = stored.inputsOf(a.id);
		const same = storedInputs.every((s) => mine[s.seq]?.stepId === s.stepId);
		if (!same) {
			plan.unchanged++;
			continue;
		}
		plan.extendAttempts.push(a);
		plan.addInputs.push(...mine.slice(existing.inputCount));
	}
	return plan;
}

/** A name for the downloaded file: progress-<learner>-<date>.json, safe on every file system. */
export function exportFileName(learner: Learner, now: number): string {
	const who = learner.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'learner';
	return `progress-${who}-${new Date(now).toISOString().slice(0, 10)}.json`;
}
