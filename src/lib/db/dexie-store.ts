import type { ProgressDb } from './schema';
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
}
