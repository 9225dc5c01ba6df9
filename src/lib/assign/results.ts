/**
 * A student's result file for an assignment: every attempt with its inputs, scores per competency and
 * timestamps, sealed with a SHA-256 checksum of its exact text. Any changed byte is caught, whether
 * from damage or hand editing. It cannot stop a determined student recomputing the checksum: a file
 * kept on the student's computer cannot be made cheat-proof (docs/INSTRUCTORS.md says so).
 */
import { z } from '../zod';
import { AttemptSchema, ExamSessionSchema, firstIssue, InputSchema, megabytes, ShiftRunSchema } from '../db/transfer';
import type { AttemptRecord, ExamSession, InputRecord, ShiftRun } from '../db/types';
import { sha256Hex } from './sha256';
import { hasMarkup, MAX_ID_CHARS } from '../limits';
import { MAX_STUDENT_NAME_CHARS, studentIdProblem } from './identity';

export const RESULT_FORMAT = 'front-desk-simulator/result';
export const RESULT_VERSION = 1;
export const MAX_RESULT_BYTES = 10 * 2 ** 20;
/** An assignment allows at most 20 attempts at its exam. */
export const MAX_RESULT_EXAMS = 20;
/** Ten shifts at most, twenty runs each. */
export const MAX_RESULT_SHIFT_RUNS = 200;

const ResultSchema = z.strictObject({
	format: z.literal(RESULT_FORMAT),
	version: z.literal(RESULT_VERSION),
	assignment: z.strictObject({ id: z.string().min(8).max(40), title: z.string().max(120) }),
	student: z.strictObject({
		learnerId: z.string().min(1).max(MAX_ID_CHARS),
		name: z.string().min(1).max(MAX_STUDENT_NAME_CHARS).refine((s) => !hasMarkup(s), 'must not contain HTML markup'),
		/** The student ID or e-mail the student gave (absent in files from before it was asked, or when left blank). */
		studentId: z
			.string()
			.superRefine((id, ctx) => {
				const problem = studentIdProblem(id);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			})
			.optional()
	}),
	submittedAt: z.number().int().min(0).max(8.64e15),
	attempts: z.array(AttemptSchema).max(500),
	inputs: z.array(InputSchema).max(20_000),
	/** The assignment's mock exam sessions: item ids, answers and times (the items live in the app's bank). Absent in files from before exams. */
	exams: z.array(ExamSessionSchema).max(MAX_RESULT_EXAMS).optional(),
	/** The assignment's shifts as worked: each run with its seed and inputs. Absent in files from before shifts could be assigned. */
	shiftRuns: z.array(ShiftRunSchema).max(MAX_RESULT_SHIFT_RUNS).optional()
});
export type StudentResult = z.infer<typeof ResultSchema>;

const SEALED = /^\{"checksum":"([0-9a-f]{64})","result":([\s\S]*)\}$/;

export function sealResult(result: StudentResult): string {
	const body = JSON.stringify(result);
	return `{"checksum":"${sha256Hex(body)}","result":${body}}`;
}

export function buildResult(
	assignment: { id: string; title: string },
	student: { learnerId: string; name: string; studentId?: string },
	attempts: AttemptRecord[],
	inputs: InputRecord[],
	now: number,
	exams?: ExamSession[],
	shiftRuns?: ShiftRun[]
): StudentResult {
	const who = { learnerId: student.learnerId, name: student.name, ...(student.studentId ? { studentId: student.studentId } : {}) };
	return { format: RESULT_FORMAT, version: RESULT_VERSION, assignment, student: who, submittedAt: now, attempts, inputs, ...(exams ? { exams } : {}), ...(shiftRuns?.length ? { shiftRuns } : {}) };
}

/** A sealed file can still hold attempts twice, or sessions and shift runs that are not this student's work on this assignment. */
function examProblem(r: StudentResult): string | undefined {
	const attempts = new Set<string>();
	for (const [n, a] of r.attempts.entries()) {
		if (attempts.has(a.id)) return `attempts.${n}: attempt ${a.id} appears twice`;
		attempts.add(a.id);
	}
	const ids = new Set<string>();
	for (const [n, s] of (r.exams ?? []).entries()) {
		if (ids.has(s.id)) return `exams.${n}: session ${s.id} appears twice`;
		ids.add(s.id);
		if (s.learnerId !== r.student.learnerId) return `exams.${n}: belongs to another learner`;
		if (s.mode !== 'mock' || s.assignmentId !== r.assignment.id) return `exams.${n}: is not a mock exam taken for this assignment`;
	}
	const runs = new Set<string>();
	for (const [n, run] of (r.shiftRuns ?? []).entries()) {
		if (runs.has(run.id)) return `shiftRuns.${n}: run ${run.id} appears twice`;
		runs.add(run.id);
		if (run.learnerId !== r.student.learnerId) return `shiftRuns.${n}: belongs to another learner`;
		if (run.assignmentId !== r.assignment.id) return `shiftRuns.${n}: was not worked for this assignment`;
	}
}

export type Opened = { ok: true; result: StudentResult; checksum: string } | { ok: false; error: string };

/** Checks the seal first (any changed byte fails it), then the content. */
export function openResult(text: string, bytes = text.length): Opened {
	// `bytes` is the file's size, so a page can refuse a huge file without reading it (and pass '').
	if (bytes > MAX_RESULT_BYTES || text.length > MAX_RESULT_BYTES) return { ok: false, error: `too large (${megabytes(Math.max(bytes, text.length))} MB; a result file is at most ${MAX_RESULT_BYTES / 2 ** 20} MB)` };
	const m = SEALED.exec(text);
	if (!m) return { ok: false, error: 'not a sealed result file from the simulator (or damaged at its start or end)' };
	if (sha256Hex(m[2]!) !== m[1]) return { ok: false, error: 'damaged or edited after it was saved (its checksum does not match)' };
	let raw: unknown;
	try {
		raw = JSON.parse(m[2]!);
	} catch {
		return { ok: false, error: 'damaged (not valid JSON)' };
	}
	const parsed = ResultSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = firstIssue(parsed.error.issues);
		return { ok: false, error: `has a problem at ${issue.path.map(String).join('.') || 'the top level'}: ${issue.message}` };
	}
	const problem = examProblem(parsed.data);
	if (problem) return { ok: false, error: `has a problem at ${problem}` };
	return { ok: true, result: parsed.data, checksum: m[1]! };
}
