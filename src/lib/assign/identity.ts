/**
 * Who a student is on an assignment: the name the instructor knows them by and, optionally, the
 * student ID or e-mail their school's LMS matches grades on. Asked on the assignment page before
 * work starts and written into the result file, so the gradebook can tell students apart and its
 * CSV can be imported into an LMS gradebook. Pure.
 */
import { hasMarkup } from '../limits';

export interface StudentIdentity {
	name: string;
	/** A student ID, LMS username or e-mail address, as the student's school knows them. */
	studentId?: string;
}

export const MAX_STUDENT_NAME_CHARS = 60;
export const MAX_STUDENT_ID_CHARS = 120;
/** The name a new learner profile gets: it tells no one who did the work. */
export const DEFAULT_LEARNER_NAME = 'Student';

/** Letters, digits and the marks IDs, usernames and e-mail addresses use; no spaces, commas or quotes. */
const ID_SHAPE = /^[\p{L}\p{N}._@+\-]+$/u;

/** Why a student ID or e-mail cannot be used, or undefined when it can. */
export function studentIdProblem(id: string): string | undefined {
	if (id.length > MAX_STUDENT_ID_CHARS) return `is too long (at most ${MAX_STUDENT_ID_CHARS} characters)`;
	if (!ID_SHAPE.test(id)) return 'may hold only letters, digits and . _ @ + - (no spaces)';
	return undefined;
}

/** Why a name cannot go on a result file, or undefined when it can. */
export function studentNameProblem(name: string): string | undefined {
	if (!name) return 'is empty';
	if (name.length > MAX_STUDENT_NAME_CHARS) return `is too long (at most ${MAX_STUDENT_NAME_CHARS} characters)`;
	if (name.toLowerCase() === DEFAULT_LEARNER_NAME.toLowerCase()) return `"${DEFAULT_LEARNER_NAME}" does not tell your instructor who you are`;
	if (hasMarkup(name)) return 'must not contain HTML markup';
	return undefined;
}

/**
 * Checks what a student typed; blanks around either field are dropped and an empty ID means none,
 * unless `idRequired` (an assignment whose learning record store knows students by that ID).
 */
export function checkIdentity(name: string, studentId: string, idRequired = false): { ok: true; identity: StudentIdentity } | { ok: false; error: string } {
	const n = name.trim().replace(/\s+/g, ' ');
	const id = studentId.trim();
	const nameProblem = studentNameProblem(n);
	if (nameProblem) return { ok: false, error: `Your name ${nameProblem}. Type your name as your instructor knows it.` };
	if (!id && idRequired) return { ok: false, error: "Type your student ID or e-mail: your instructor's learning record store knows you by it." };
	const idProblem = id ? studentIdProblem(id) : undefined;
	if (idProblem) return { ok: false, error: `The student ID or e-mail ${idProblem}.` };
	return { ok: true, identity: { name: n, ...(id ? { studentId: id } : {}) } };
}

/** The setting that keeps a learner profile's identity (one per learner in this browser). */
export const identityKey = (learnerId: string) => `studentIdentity:${learnerId}`;

/** A stored identity, read back as untrusted (storage is shared with other versions of the app). */
export function storedIdentity(value: unknown): StudentIdentity | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const v = value as Record<string, unknown>;
	if (typeof v.name !== 'string' || (v.studentId !== undefined && typeof v.studentId !== 'string')) return undefined;
	const r = checkIdentity(v.name, v.studentId ?? '');
	return r.ok ? r.identity : undefined;
}
