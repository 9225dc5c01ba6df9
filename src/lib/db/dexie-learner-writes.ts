/**
 * DexieStore's whole-learner writes (an import, a deletion): only the Learners page makes them, so they load
 * when first used instead of with storage on every page (the first page's budget).
 */
import Dexie from 'dexie';
import type { ProgressDb } from './schema';
import type { ImportPlan } from './transfer';
import type { InputRecord } from './types';

/** An import plan written in one transaction: all of it, or nothing. */
export async function applyImport(db: ProgressDb, plan: ImportPlan): Promise<void> {
	await db.transaction('rw', [db.learners, db.attempts, db.inputLogs, db.examSessions, db.reviewCards, db.shiftRuns], async () => {
		if (plan.newLearner) await db.learners.add(plan.newLearner);
		// Run ids are global like session ids: checked inside the transaction.
		const runsHere = await db.shiftRuns.bulkGet(plan.putShiftRuns.map((r) => r.id));
		for (const [n, here] of runsHere.entries()) if (here && here.learnerId !== plan.putShiftRuns[n]!.learnerId) throw new Error(`shift run ${here.id} belongs to another learner`);
		await db.shiftRuns.bulkPut(plan.putShiftRuns);
		// Session ids are global: checked inside the transaction, so no other write can slip in between.
		const sessionsHere = await db.examSessions.bulkGet(plan.putSessions.map((x) => x.id));
		for (const [n, here] of sessionsHere.entries()) if (here && here.learnerId !== plan.putSessions[n]!.learnerId) throw new Error(`exam session ${here.id} belongs to another learner`);
		await db.examSessions.bulkPut(plan.putSessions);
		await db.reviewCards.bulkPut(plan.putCards);
		await db.attempts.bulkAdd(plan.addAttempts);
		await db.attempts.bulkPut(plan.extendAttempts);
		const byAttempt = new Map<string, InputRecord[]>();
		for (const i of plan.addInputs) byAttempt.set(i.attemptId, [...(byAttempt.get(i.attemptId) ?? []), i]);
		const fresh = new Set(plan.addAttempts.map((a) => a.id));
		// New attempts' logs are added (an id already here aborts the whole import); continued ones are extended.
		await db.inputLogs.bulkAdd([...byAttempt].filter(([id]) => fresh.has(id)).map(([attemptId, inputs]) => ({ attemptId, inputs })));
		for (const [attemptId, inputs] of byAttempt) {
			if (fresh.has(attemptId)) continue;
			const log = (await db.inputLogs.get(attemptId)) ?? { attemptId, inputs: [] };
			for (const i of inputs) if (log.inputs.some((x) => x.seq === i.seq)) throw new Error(`input ${i.seq} of attempt ${attemptId} already stored`);
			await db.inputLogs.put({ attemptId, inputs: [...log.inputs, ...inputs] });
		}
	});
}

/** A learner and everything they did, in one transaction. */
export async function deleteLearner(db: ProgressDb, learnerId: string): Promise<void> {
	await db.transaction('rw', [db.learners, db.attempts, db.inputLogs, db.drafts, db.examSessions, db.reviewCards, db.xapi, db.shiftRuns], async () => {
		await db.examSessions.where('learnerId').equals(learnerId).delete();
		await db.shiftRuns.where('learnerId').equals(learnerId).delete();
		await db.xapi.where('learnerId').equals(learnerId).delete();
		await db.reviewCards.where('learnerId').equals(learnerId).delete();
		const ids = (await db.attempts.where('learnerId').equals(learnerId).primaryKeys()) as string[];
		await db.inputLogs.bulkDelete(ids);
		for (const id of ids) await db.drafts.where('[attemptId+stepId]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
		await db.attempts.bulkDelete(ids);
		await db.learners.delete(learnerId);
	});
}
