import type { AttemptRecord, AuthoredScenario, DraftRecord, ExamSession, GradebookFile, InputRecord, Learner, ProgressStore, ShiftRun, StoredAssignment, StoredGradebook, StoredReviewCard, XapiRecord } from './types';
import type { Assignment } from '../assign/assignment';
import { withGradebookFiles } from './gradebooks';
import { ShiftRunConflict } from './shift-conflict';
import type { ImportPlan } from './transfer';
import { applyExamChange, ExamSessionConflict, sameProgress, type ExamChange } from '../exam/changes';

/** Used for the session when IndexedDB is unavailable (blocked storage, some private modes). */
export class MemoryStore implements ProgressStore {
	readonly kind = 'memory' as const;
	private learners = new Map<string, Learner>();
	private settings = new Map<string, unknown>();
	private attempts = new Map<string, AttemptRecord>();
	private inputs = new Map<string, InputRecord[]>();
	private drafts = new Map<string, DraftRecord>();
	private watchers = new Set<() => void>();
	private sessions = new Map<string, ExamSession>();
	private cards = new Map<string, StoredReviewCard>();
	private authored = new Map<string, AuthoredScenario>();
	private assignments = new Map<string, StoredAssignment>();
	private xapi = new Map<string, XapiRecord>();
	private gradebooks = new Map<string, StoredGradebook>();
	private changed() {
		for (const w of this.watchers) w();
	}

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
		this.changed();
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
		this.changed();
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
	async getInputsOf(attemptIds: string[]) {
		return attemptIds.flatMap((id) => structuredClone(this.inputs.get(id) ?? []));
	}
	async applyImport(plan: ImportPlan) {
		// Check everything first, so a conflict leaves the store untouched (as the IndexedDB transaction would).
		if (plan.newLearner && this.learners.has(plan.newLearner.id)) throw new Error(`learner ${plan.newLearner.id} already exists`);
		for (const a of plan.addAttempts) if (this.attempts.has(a.id)) throw new Error(`attempt ${a.id} already exists`);
		for (const x of plan.putSessions) {
			const here = this.sessions.get(x.id);
			if (here && here.learnerId !== x.learnerId) throw new Error(`exam session ${x.id} belongs to another learner`);
		}
		for (const i of plan.addInputs) if ((this.inputs.get(i.attemptId) ?? []).some((x) => x.seq === i.seq)) throw new Error(`input ${i.seq} of attempt ${i.attemptId} already stored`);
		for (const r of plan.putShiftRuns) {
			const here = this.shiftRuns.get(r.id);
			if (here && here.learnerId !== r.learnerId) throw new Error(`shift run ${r.id} belongs to another learner`);
		}
		if (plan.newLearner) this.learners.set(plan.newLearner.id, structuredClone(plan.newLearner));
		for (const r of plan.putShiftRuns) this.shiftRuns.set(r.id, structuredClone(r));
		for (const x of plan.putSessions) this.sessions.set(x.id, structuredClone(x));
		for (const c of plan.putCards) this.cards.set(`${c.learnerId}|${c.id}`, structuredClone(c));
		for (const a of [...plan.addAttempts, ...plan.extendAttempts]) this.attempts.set(a.id, structuredClone(a));
		for (const i of plan.addInputs) this.inputs.set(i.attemptId, [...(this.inputs.get(i.attemptId) ?? []), structuredClone(i)].sort((a, b) => a.seq - b.seq));
		this.changed();
	}
	async deleteLearner(learnerId: string) {
		for (const a of [...this.attempts.values()].filter((x) => x.learnerId === learnerId)) {
			this.attempts.delete(a.id);
			this.inputs.delete(a.id);
			for (const k of [...this.drafts.keys()]) if (k.startsWith(`${a.id}|`)) this.drafts.delete(k);
		}
		this.learners.delete(learnerId);
		for (const [k, v] of this.sessions) if (v.learnerId === learnerId) this.sessions.delete(k);
		for (const [k, v] of this.cards) if (v.learnerId === learnerId) this.cards.delete(k);
		for (const [k, v] of this.xapi) if (v.learnerId === learnerId) this.xapi.delete(k);
		for (const [k, v] of this.shiftRuns) if (v.learnerId === learnerId) this.shiftRuns.delete(k);
		this.changed();
	}
	watchAttempts(learnerId: string, onChange: (attempts: AttemptRecord[]) => void) {
		const run = () => void this.listAttempts(learnerId).then(onChange);
		this.watchers.add(run);
		run();
		return () => void this.watchers.delete(run);
	}
	async putExamSession(session: ExamSession) {
		this.sessions.set(session.id, structuredClone(session));
		this.changed();
	}
	async updateExamSession(expected: ExamSession, change: ExamChange, cards: StoredReviewCard[] = []) {
		// No await between the read and the writes, as in the IndexedDB transaction; everything is
		// copied before anything is set, so a record that cannot be stored leaves the store as it was.
		const stored = this.sessions.get(expected.id);
		if (!stored || !sameProgress(stored, expected)) throw new ExamSessionConflict(structuredClone(stored));
		const next = structuredClone(applyExamChange(stored, change));
		const copies = cards.map((c) => structuredClone(c));
		this.sessions.set(next.id, next);
		for (const c of copies) this.cards.set(`${c.learnerId}|${c.id}`, c);
		this.changed();
		return structuredClone(next);
	}
	async getExamSession(id: string) {
		return structuredClone(this.sessions.get(id));
	}
	async listExamSessions(learnerId: string) {
		return [...this.sessions.values()].filter((s) => s.learnerId === learnerId).map((s) => structuredClone(s));
	}
	watchExamSessions(learnerId: string, onChange: (sessions: ExamSession[]) => void) {
		const run = () => void this.listExamSessions(learnerId).then(onChange);
		this.watchers.add(run);
		run();
		return () => void this.watchers.delete(run);
	}
	async listReviewCards(learnerId: string) {
		return [...this.cards.values()].filter((c) => c.learnerId === learnerId).map((c) => structuredClone(c));
	}
	async putReviewCards(cards: StoredReviewCard[]) {
		for (const c of cards) this.cards.set(`${c.learnerId}|${c.id}`, structuredClone(c));
	}
	async putAuthored(scenario: AuthoredScenario) {
		this.authored.set(scenario.id, structuredClone(scenario));
	}
	async getAuthored(id: string) {
		return structuredClone(this.authored.get(id));
	}
	async listAuthored() {
		return [...this.authored.values()].sort((a, b) => b.updatedAt - a.updatedAt).map((a) => structuredClone(a));
	}
	async deleteAuthored(id: string) {
		this.authored.delete(id);
	}
	async putAssignment(record: StoredAssignment) {
		this.assignments.set(record.id, structuredClone(record));
	}
	async listAssignments() {
		return [...this.assignments.values()].map((a) => structuredClone(a));
	}
	async getXapiRecord(learnerId: string, assignmentId: string) {
		return structuredClone(this.xapi.get(`${learnerId}|${assignmentId}`)) ?? { learnerId, assignmentId, launches: [], acknowledged: [] };
	}
	/** Reads and writes with no await between, as the IndexedDB transaction does, so concurrent additions all stay. */
	private updateXapi(learnerId: string, assignmentId: string, change: (r: XapiRecord) => XapiRecord) {
		const key = `${learnerId}|${assignmentId}`;
		this.xapi.set(key, change(this.xapi.get(key) ?? { learnerId, assignmentId, launches: [], acknowledged: [] }));
	}
	async recordLaunch(learnerId: string, assignmentId: string, at: number) {
		this.updateXapi(learnerId, assignmentId, (r) => (r.launches.includes(at) ? r : { ...r, launches: [...r.launches, at] }));
	}
	async acknowledgeStatements(learnerId: string, assignmentId: string, ids: string[]) {
		this.updateXapi(learnerId, assignmentId, (r) => ({ ...r, acknowledged: [...new Set([...r.acknowledged, ...ids])] }));
	}
	async getGradebook(assignmentId: string) {
		return structuredClone(this.gradebooks.get(assignmentId));
	}
	async listGradebooks() {
		return [...this.gradebooks.values()].sort((a, b) => b.updatedAt - a.updatedAt).map((g) => structuredClone(g));
	}
	async addGradebookFiles(assignment: Assignment, files: readonly Omit<GradebookFile, 'addedAt'>[], at: number) {
		// Copied before it is set, so a record that cannot be stored leaves the store as it was.
		const next = structuredClone(withGradebookFiles(this.gradebooks.get(assignment.id), assignment, files, at));
		this.gradebooks.set(next.assignmentId, next);
		return structuredClone(next);
	}
	private shiftRuns = new Map<string, ShiftRun>();
	async createShiftRun(run: ShiftRun) {
		if (this.shiftRuns.has(run.id)) throw new Error(`shift run ${run.id} already stored`);
		this.shiftRuns.set(run.id, structuredClone(run));
		this.changed();
	}
	async advanceShiftRun(run: ShiftRun, expectedInputs: number) {
		const stored = this.shiftRuns.get(run.id);
		if (!stored || stored.inputs.length !== expectedInputs) throw new ShiftRunConflict(stored && structuredClone(stored));
		this.shiftRuns.set(run.id, structuredClone(run));
		this.changed();
	}
	async getShiftRun(id: string) {
		const r = this.shiftRuns.get(id);
		return r && structuredClone(r);
	}
	async listShiftRuns(learnerId: string) {
		return [...this.shiftRuns.values()].filter((r) => r.learnerId === learnerId).map((r) => structuredClone(r));
	}
	watchShiftRuns(learnerId: string, onChange: (runs: ShiftRun[]) => void) {
		const run = () => void this.listShiftRuns(learnerId).then(onChange);
		this.watchers.add(run);
		run();
		return () => void this.watchers.delete(run);
	}
	async clearGradebook(assignmentId: string) {
		this.gradebooks.delete(assignmentId);
	}
}
