/**
 * Export and import of a learner's progress: reads the store, validates, plans and applies. No Dexie
 * import: it works through the ProgressStore, so it runs against the memory store in unit tests.
 */
import type { Learner, ProgressStore } from './db/types';
import { exportProgress, parseProgressFile, planImport, type ProgressFile } from './db/transfer';
import { storageProblem } from './storage-errors';

export async function exportLearner(store: ProgressStore, learner: Learner, now: number): Promise<ProgressFile> {
	const attempts = (await store.listAttempts(learner.id)).sort((a, b) => a.startedAt - b.startedAt);
	const inputs = await store.getInputsOf(attempts.map((a) => a.id));
	const [sessions, cards, runs] = await Promise.all([store.listExamSessions(learner.id), store.listReviewCards(learner.id), store.listShiftRuns(learner.id)]);
	return exportProgress(learner, attempts, inputs, now, { sessions: sessions.sort((a, b) => a.startedAt - b.startedAt), cards: cards.sort((a, b) => a.id.localeCompare(b.id)) }, runs.sort((a, b) => a.startedAt - b.startedAt));
}

export type ImportResult =
	| { ok: true; learner: Learner; added: number; extended: number; unchanged: number; decisions: number; examSessions: number; reviewCards: number; shiftRuns: number }
	| { ok: false; error: string };

/** Validates the whole file first; writes nothing unless all of it is sound and fits. */
export async function importLearner(store: ProgressStore, text: string, bytes = text.length): Promise<ImportResult> {
	const parsed = parseProgressFile(text, bytes);
	if (!parsed.ok) return parsed;
	const file = parsed.file;
	const learners = await store.listLearners();
	// Ids are global: the file's attempts and sessions are looked up whoever they belong to, so one
	// stored for another learner is refused by name instead of being taken over (or failing the write).
	const mine = await store.listAttempts(file.learner.id);
	const mineIds = new Set(mine.map((a) => a.id));
	const others = (await Promise.all(file.attempts.filter((a) => !mineIds.has(a.id)).map((a) => store.getAttempt(a.id)))).filter((a) => a !== undefined);
	const attempts = [...mine, ...others];
	const fileCounts = new Map(file.attempts.map((a) => [a.id, a.inputCount]));
	const shorter = attempts.filter((a) => (fileCounts.get(a.id) ?? 0) > a.inputCount).map((a) => a.id);
	const storedInputs = await store.getInputsOf(shorter);
	const [sessions, cards] = await Promise.all([
		Promise.all((file.examSessions ?? []).map((s) => store.getExamSession(s.id))).then((l) => l.filter((s) => s !== undefined)),
		store.listReviewCards(file.learner.id)
	]);
	const shiftRuns = (await Promise.all((file.shiftRuns ?? []).map((r) => store.getShiftRun(r.id)))).filter((r) => r !== undefined);
	const plan = planImport(file, { learners, attempts, inputsOf: (id) => storedInputs.filter((i) => i.attemptId === id), sessions, cards, shiftRuns });
	if (typeof plan === 'string') return { ok: false, error: `${plan}; nothing was imported.` };
	try {
		await store.applyImport(plan);
	} catch (e) {
		// An attempt id stored under another learner, a full disk, another tab writing: the transaction rolls back.
		return { ok: false, error: `Nothing was imported: ${storageProblem(e)}` };
	}
	return { ok: true, learner: file.learner, added: plan.addAttempts.length, extended: plan.extendAttempts.length, unchanged: plan.unchanged, decisions: plan.addInputs.length, examSessions: plan.putSessions.length, reviewCards: plan.putCards.length, shiftRuns: plan.putShiftRuns.length };
}
