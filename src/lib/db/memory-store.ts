import type { AttemptRecord, DraftRecord, InputRecord, Learner, ProgressStore } from './types';

/** Used for the session when IndexedDB is unavailable (blocked storage, some private modes). */
export class MemoryStore implements ProgressStore {
	readonly kind = 'memory' as const;
	private learners = new Map<string, Learner>();
	private settings = new Map<string, unknown>();
	private attempts = new Map<string, AttemptRecord>();
	private inputs = new Map<string, InputRecord[]>();
	private drafts = new Map<string, DraftRecord>();

	async listLearners() {
		return [...this.learners.values()].sort((a, b) => a.name.localeCompare(b.name));
	}
	async putLearner(learner: Learner) {
		this.learners.set(learner.id, structuredClone(learner));
	}
	async getSetting<T>(key: string) {
		return structuredClone(this.settings.get(key)) as T | undefined;
	}
	async setSetting(key: string, value: unknown) {
		this.settings.set(key, structuredClone(value));
	}
	async createAttempt(attempt: AttemptRecord) {
		if (this.attempts.has(attempt.id)) throw new Error(`attempt ${attempt.id} already exists`);
		this.attempts.set(attempt.id, structuredClone(attempt));
	}
	async getAttempt(id: string) {
		return structuredClone(this.attempts.get(id));
	}
	async listAttempts(learnerId: string) {
		return [...this.attempts.values()].filter((a) => a.learnerId === learnerId).map((a) => structuredClone(a));
	}
	async appendInput(input: InputRecord, attempt: AttemptRecord, options: { clearDraft?: boolean } = {}) {
		const list = this.inputs.get(input.attemptId) ?? [];
		if (list.some((i) => i.seq === input.seq)) throw new Error(`input ${input.seq} of attempt ${input.attemptId} already stored`);
		this.inputs.set(input.attemptId, [...list, structuredClone(input)].sort((a, b) => a.seq - b.seq));
		this.attempts.set(attempt.id, structuredClone(attempt));
		if (options.clearDraft) this.drafts.delete(`${input.attemptId}|${input.stepId}`);
	}
	async getInputs(attemptId: string) {
		return structuredClone(this.inputs.get(attemptId) ?? []);
	}
	async getDraft(attemptId: string, stepId: string) {
		return structuredClone(this.drafts.get(`${attemptId}|${stepId}`));
	}
	async putDraft(draft: DraftRecord) {
		this.drafts.set(`${draft.attemptId}|${draft.stepId}`, structuredClone(draft));
	}
}
