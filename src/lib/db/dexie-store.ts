import Dexie, { liveQuery } from 'dexie';
import type { ProgressDb } from './schema';
import type { ImportPlan } from './transfer';
import type { AttemptRecord, DraftRecord, InputRecord, Learner, ProgressStore } from './types';

export class DexieStore implements ProgressStore {
	readonly kind = 'indexeddb' as const;
	constructor(private readonly db: ProgressDb) {}

	listLearners(): Promise<Learner[]> {
		return this.db.learners.orderBy('name').toArray();
	}
	async putLearner(learner: Learner): Promise<void> {
		await this.db.learners.put(learner);
	}
	async getSetting<T>(key: string): Promise<T | undefined> {
		return (await this.db.settings.get(key))?.value as T | undefined;
	}
	async setSetting(key: string, value: unknown): Promise<void> {
		await this.db.settings.put({ key, value });
	}
	async createAttempt(attempt: AttemptRecord): Promise<void> {
		await this.db.attempts.add(attempt);
	}
	getAttempt(id: string): Promise<AttemptRecord | undefined> {
		return this.db.attempts.get(id);
	}
	listAttempts(learnerId: string): Promise<AttemptRecord[]> {
		return this.db.attempts.where('learnerId').equals(learnerId).toArray();
	}
	async appendInput(input: InputRecord, attempt: AttemptRecord, options: { clearDraft?: boolean } = {}): Promise<void> {
		await this.db.transaction('rw', this.db.inputs, this.db.attempts, this.db.drafts, async () => {
			// add(), not put(): a second tab writing the same step fails instead of overwriting.
			await this.db.inputs.add(input);
			await this.db.attempts.put(attempt);
			if (options.clearDraft) await this.db.drafts.delete([input.attemptId, input.stepId]);
		});
	}
	getInputs(attemptId: string): Promise<InputRecord[]> {
		return this.db.inputs.where('[attemptId+seq]').between([attemptId, 0], [attemptId, Infinity]).toArray();
	}
	getDraft(attemptId: string, stepId: string): Promise<DraftRecord | undefined> {
		return this.db.drafts.get([attemptId, stepId]);
	}
	async putDraft(draft: DraftRecord): Promise<void> {
		await this.db.drafts.put(draft);
	}
	async getInputsOf(attemptIds: string[]): Promise<InputRecord[]> {
		const all = await this.db.inputs.where('attemptId').anyOf(attemptIds).toArray();
		return all.sort((a, b) => (a.attemptId === b.attemptId ? a.seq - b.seq : a.attemptId < b.attemptId ? -1 : 1));
	}
	async applyImport(plan: ImportPlan): Promise<void> {
		await this.db.transaction('rw', this.db.learners, this.db.attempts, this.db.inputs, async () => {
			if (plan.newLearner) await this.db.learners.add(plan.newLearner);
			await this.db.attempts.bulkAdd(plan.addAttempts);
			await this.db.attempts.bulkPut(plan.extendAttempts);
			// add(), not put(): an input another tab stored meanwhile aborts the whole import.
			await this.db.inputs.bulkAdd(plan.addInputs);
		});
	}
	async deleteLearner(learnerId: string): Promise<void> {
		await this.db.transaction('rw', this.db.learners, this.db.attempts, this.db.inputs, this.db.drafts, async () => {
			const ids = (await this.db.attempts.where('learnerId').equals(learnerId).primaryKeys()) as string[];
			await this.db.inputs.where('attemptId').anyOf(ids).delete();
			for (const id of ids) await this.db.drafts.where('[attemptId+stepId]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
			await this.db.attempts.bulkDelete(ids);
			await this.db.learners.delete(learnerId);
		});
	}
	watchAttempts(learnerId: string, onChange: (attempts: AttemptRecord[]) => void): () => void {
		// liveQuery re-runs when this tab or another one writes to the attempts table.
		const sub = liveQuery(() => this.listAttempts(learnerId)).subscribe({ next: onChange, error: () => {} });
		return () => sub.unsubscribe();
	}
}
