import { liveQuery } from 'dexie';
import type { ProgressDb } from './schema';
import type { ImportPlan } from './transfer';
import type { ExamChange } from '../exam/changes';
import type { AttemptRecord, AuthoredScenario, DraftRecord, ExamSession, GradebookFile, InputRecord, Learner, ProgressStore, ShiftRun, StoredAssignment, StoredGradebook, StoredReviewCard, XapiRecord } from './types';
import type { Assignment } from '../assign/assignment';
import { ShiftRunConflict } from './shift-conflict';

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
		await this.db.transaction('rw', this.db.inputLogs, this.db.attempts, this.db.drafts, async () => {
			// Read and write in one transaction: a second tab writing the same step fails instead of overwriting.
			const log = (await this.db.inputLogs.get(input.attemptId)) ?? { attemptId: input.attemptId, inputs: [] };
			if (log.inputs.some((i) => i.seq === input.seq)) throw new Error(`input ${input.seq} of attempt ${input.attemptId} already stored`);
			log.inputs.push(input);
			await this.db.inputLogs.put(log);
			await this.db.attempts.put(attempt);
			if (options.clearDraft) await this.db.drafts.delete([input.attemptId, input.stepId]);
		});
	}
	async getInputs(attemptId: string): Promise<InputRecord[]> {
		return ((await this.db.inputLogs.get(attemptId))?.inputs ?? []).sort((a, b) => a.seq - b.seq);
	}
	getDraft(attemptId: string, stepId: string): Promise<DraftRecord | undefined> {
		return this.db.drafts.get([attemptId, stepId]);
	}
	async putDraft(draft: DraftRecord): Promise<void> {
		await this.db.drafts.put(draft);
	}
	async getInputsOf(attemptIds: string[]): Promise<InputRecord[]> {
		const logs = await this.db.inputLogs.bulkGet(attemptIds);
		return logs.flatMap((l) => (l ? [...l.inputs].sort((a, b) => a.seq - b.seq) : []));
	}
	async applyImport(plan: ImportPlan): Promise<void> {
		// The whole-learner writes load with the Learners page's first use, not with storage on every page.
		await (await import('./dexie-learner-writes')).applyImport(this.db, plan);
	}
	async deleteLearner(learnerId: string): Promise<void> {
		await (await import('./dexie-learner-writes')).deleteLearner(this.db, learnerId);
	}
	watchAttempts(learnerId: string, onChange: (attempts: AttemptRecord[]) => void): () => void {
		// liveQuery re-runs when this tab or another one writes to the attempts table.
		const sub = liveQuery(() => this.listAttempts(learnerId)).subscribe({ next: onChange, error: () => {} });
		return () => sub.unsubscribe();
	}
	async putExamSession(session: ExamSession): Promise<void> {
		await this.db.examSessions.put(session);
	}
	async updateExamSession(expected: ExamSession, change: ExamChange, cards: StoredReviewCard[] = []): Promise<ExamSession> {
		// Imported before the transaction (awaiting a module inside one would end it), and not with storage:
		// the first page opens the store but never changes an exam.
		const { applyExamChange, ExamSessionConflict, sameProgress } = await import('../exam/changes');
		return this.db.transaction('rw', this.db.examSessions, this.db.reviewCards, async () => {
			// Read and write in one transaction: a tab that has not seen another tab's answers is refused, never overwrites them.
			const stored = await this.db.examSessions.get(expected.id);
			if (!stored || !sameProgress(stored, expected)) throw new ExamSessionConflict(stored);
			const next = applyExamChange(stored, change);
			await this.db.examSessions.put(next);
			if (cards.length) await this.db.reviewCards.bulkPut(cards);
			return next;
		});
	}
	getExamSession(id: string): Promise<ExamSession | undefined> {
		return this.db.examSessions.get(id);
	}
	listExamSessions(learnerId: string): Promise<ExamSession[]> {
		return this.db.examSessions.where('learnerId').equals(learnerId).toArray();
	}
	watchExamSessions(learnerId: string, onChange: (sessions: ExamSession[]) => void): () => void {
		const sub = liveQuery(() => this.listExamSessions(learnerId)).subscribe({ next: onChange, error: () => {} });
		return () => sub.unsubscribe();
	}
	listReviewCards(learnerId: string): Promise<StoredReviewCard[]> {
		return this.db.reviewCards.where('learnerId').equals(learnerId).toArray();
	}
	async putReviewCards(cards: StoredReviewCard[]): Promise<void> {
		// In its own transaction: a bare bulkPut keeps the cards written before one that fails (a full disk).
		await this.db.transaction('rw', this.db.reviewCards, () => this.db.reviewCards.bulkPut(cards));
	}
	async putAuthored(scenario: AuthoredScenario): Promise<void> {
		await this.db.authored.put(scenario);
	}
	getAuthored(id: string): Promise<AuthoredScenario | undefined> {
		return this.db.authored.get(id);
	}
	listAuthored(): Promise<AuthoredScenario[]> {
		return this.db.authored.orderBy('updatedAt').reverse().toArray();
	}
	async deleteAuthored(id: string): Promise<void> {
		await this.db.authored.delete(id);
	}
	async putAssignment(record: StoredAssignment): Promise<void> {
		await this.db.assignments.put(record);
	}
	listAssignments(): Promise<StoredAssignment[]> {
		return this.db.assignments.toArray();
	}
	async getXapiRecord(learnerId: string, assignmentId: string): Promise<XapiRecord> {
		return (await this.db.xapi.get([learnerId, assignmentId])) ?? { learnerId, assignmentId, launches: [], acknowledged: [] };
	}
	/** Read and write in one transaction, so two tabs adding at once both keep what they added. */
	private async updateXapi(learnerId: string, assignmentId: string, change: (r: XapiRecord) => XapiRecord): Promise<void> {
		await this.db.transaction('rw', this.db.xapi, async () => {
			await this.db.xapi.put(change(await this.getXapiRecord(learnerId, assignmentId)));
		});
	}
	recordLaunch(learnerId: string, assignmentId: string, at: number): Promise<void> {
		return this.updateXapi(learnerId, assignmentId, (r) => (r.launches.includes(at) ? r : { ...r, launches: [...r.launches, at] }));
	}
	acknowledgeStatements(learnerId: string, assignmentId: string, ids: string[]): Promise<void> {
		return this.updateXapi(learnerId, assignmentId, (r) => ({ ...r, acknowledged: [...new Set([...r.acknowledged, ...ids])] }));
	}
	getGradebook(assignmentId: string): Promise<StoredGradebook | undefined> {
		return this.db.gradebooks.get(assignmentId);
	}
	listGradebooks(): Promise<StoredGradebook[]> {
		return this.db.gradebooks.orderBy('updatedAt').reverse().toArray();
	}
	async addGradebookFiles(assignment: Assignment, files: readonly Omit<GradebookFile, 'addedAt'>[], at: number): Promise<StoredGradebook> {
		// Imported first (as for exams): storage opens on every page, a gradebook changes on one.
		const { withGradebookFiles } = await import('./gradebooks');
		// Read and write in one transaction: two tabs importing at once both keep their files.
		return this.db.transaction('rw', this.db.gradebooks, async () => {
			const next = withGradebookFiles(await this.db.gradebooks.get(assignment.id), assignment, files, at);
			await this.db.gradebooks.put(next);
			return next;
		});
	}
	async createShiftRun(run: ShiftRun): Promise<void> {
		await this.db.shiftRuns.add(run);
	}
	async advanceShiftRun(run: ShiftRun, expectedInputs: number): Promise<void> {
		await this.db.transaction('rw', this.db.shiftRuns, async () => {
			// Read and write in one transaction: a tab behind another one is refused, never overwrites it.
			const stored = await this.db.shiftRuns.get(run.id);
			if (!stored || stored.inputs.length !== expectedInputs) throw new ShiftRunConflict(stored);
			await this.db.shiftRuns.put(run);
		});
	}
	getShiftRun(id: string): Promise<ShiftRun | undefined> {
		return this.db.shiftRuns.get(id);
	}
	listShiftRuns(learnerId: string): Promise<ShiftRun[]> {
		return this.db.shiftRuns.where('learnerId').equals(learnerId).toArray();
	}
	watchShiftRuns(learnerId: string, onChange: (runs: ShiftRun[]) => void): () => void {
		const sub = liveQuery(() => this.listShiftRuns(learnerId)).subscribe({ next: onChange, error: () => {} });
		return () => sub.unsubscribe();
	}
	async clearGradebook(assignmentId: string): Promise<void> {
		await this.db.gradebooks.delete(assignmentId);
	}
}
