/**
 * Glue between the exam session page and the store: every change is a write the page awaits, one
 * after another in this tab, against what this tab last knew was stored. A write another tab made
 * first is never overwritten (the store refuses, and this tab catches up); a write that fails leaves
 * the page showing what is stored, with a plain reason. No Dexie import.
 */
import type { ExamSession, ProgressStore, StoredReviewCard } from './db/types';
import { ExamSessionConflict, type ExamChange } from './exam/changes';
import { isQuotaError } from './storage-errors';

export type ExamWriteResult =
	| { ok: true; session: ExamSession }
	/** `session` is what is stored now, for the page to show (undefined when the session is gone). */
	| { ok: false; conflict: boolean; session: ExamSession | undefined; message: string };

const WHAT: Record<ExamChange['kind'], string> = {
	answer: 'Your answer was not saved',
	mark: 'Your mark for review was not saved',
	position: 'Where you are in the exam was not saved',
	submit: 'Your submission was not saved'
};

/** "<what> was not saved: <why>", in words a learner can act on. */
export function notSavedMessage(what: string, e: unknown): string {
	if (isQuotaError(e))
		return `${what}: the browser's storage is full. Free some space (close other tabs of this site, or clear other sites' data in the browser's settings), then try again.`;
	const detail = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
	return `${what}: the browser could not store it (${detail}). Try again.`;
}

function caughtUpMessage(what: string, current: ExamSession | undefined): string {
	if (!current) return 'This exam session is no longer stored in this browser (it was deleted in another tab or window).';
	if (current.submittedAt !== undefined) return `${what}: this exam was submitted in another tab or window. This page now shows what was submitted.`;
	const answered = current.itemIds.filter((id) => Object.hasOwn(current.answers, id)).length;
	return `${what}: this exam was changed in another tab or window. This page now shows what is saved (${answered} of ${current.itemIds.length} answered); make your change again if you still want it.`;
}

export class ExamWriter {
	#stored: ExamSession;
	#chain: Promise<unknown> = Promise.resolve();
	/** Goes up each time this tab catches up with another: changes asked for before that are refused too. */
	#generation = 0;

	constructor(
		private readonly store: ProgressStore,
		session: ExamSession
	) {
		this.#stored = session;
	}

	/** The session as this tab last knew it stored. */
	get session(): ExamSession {
		return this.#stored;
	}

	/**
	 * Writes one change after this tab's earlier ones, with the review cards it produces (computed
	 * from the session it applies to). Settles with what is stored; never rejects.
	 */
	write(change: ExamChange, cards?: (session: ExamSession) => StoredReviewCard[]): Promise<ExamWriteResult> {
		const generation = this.#generation;
		const run = async (): Promise<ExamWriteResult> => {
			const what = WHAT[change.kind];
			if (generation !== this.#generation) return { ok: false, conflict: true, session: this.#stored, message: caughtUpMessage(what, this.#stored) };
			try {
				const expected = this.#stored;
				const next = await this.store.updateExamSession(expected, change, cards?.(expected) ?? []);
				this.#stored = next;
				return { ok: true, session: next };
			} catch (e) {
				if (e instanceof ExamSessionConflict) {
					this.#generation++;
					const current = e.current as ExamSession | undefined;
					if (current) this.#stored = current;
					return { ok: false, conflict: true, session: current, message: caughtUpMessage(what, current) };
				}
				return { ok: false, conflict: false, session: this.#stored, message: notSavedMessage(what, e) };
			}
		};
		const result = this.#chain.then(run);
		this.#chain = result;
		return result;
	}
}
