/**
 * Changes to a stored exam session, applied by the store to what is stored (never a whole copy from
 * a tab), and the check that a tab has seen what is stored. Pure, and free of the FSRS scheduler so
 * the stores can import it without pulling ts-fsrs into every page.
 */
import type { SessionShape } from './session';

/** One thing a learner does to a stored exam session: the store applies it to what is stored, never a whole copy. */
export type ExamChange =
	| { kind: 'answer'; itemId: string; option: 'a' | 'b' | 'c' | 'd'; at: number }
	| { kind: 'mark'; itemId: string; marked: boolean }
	/** Where the learner is (a mock exam reopens there). Not progress: it never makes another tab's write conflict. */
	| { kind: 'position'; itemId: string }
	| { kind: 'submit'; at: number };

interface Progress extends SessionShape {
	id: string;
	marked: string[];
	currentItemId?: string;
}

/** Everything a learner changes in a session, in a form that compares equal when the progress is equal. */
function progressKey(s: Progress): string {
	const sorted = (r: Record<string, unknown>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify([sorted(s.answers), sorted(s.answeredAt), [...s.marked].sort(), s.submittedAt ?? null]);
}

/** True when two copies of a session hold the same answers, times, marks and submission. */
export function sameProgress(a: Progress, b: Progress): boolean {
	return a.id === b.id && progressKey(a) === progressKey(b);
}

/**
 * Another tab or window changed the session since this one last read it: the change was refused and
 * nothing was written. `current` is what is stored now (undefined when the session is gone).
 */
export class ExamSessionConflict<S = unknown> extends Error {
	override readonly name = 'ExamSessionConflict';
	constructor(readonly current: S | undefined) {
		super(current ? 'This exam session was changed in another tab or window.' : 'This exam session is no longer stored.');
	}
}

/** The session with one change applied (a new object); a change a session cannot take is refused by name. */
export function applyExamChange<S extends Progress>(session: S, change: ExamChange): S {
	if (session.submittedAt !== undefined) throw new Error('This exam session is already submitted: it takes no more changes.');
	if (change.kind === 'submit') return { ...session, submittedAt: change.at };
	if (!session.itemIds.includes(change.itemId)) throw new Error(`Item ${change.itemId} is not part of this exam session.`);
	if (change.kind === 'position') return { ...session, currentItemId: change.itemId };
	if (change.kind === 'answer')
		return { ...session, answers: { ...session.answers, [change.itemId]: change.option }, answeredAt: { ...session.answeredAt, [change.itemId]: change.at } };
	const marked = session.marked.filter((x) => x !== change.itemId);
	return { ...session, marked: change.marked ? [...marked, change.itemId] : marked };
}
