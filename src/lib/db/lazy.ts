/**
 * The store every page gets. Where this browser has stored nothing yet (a first visit), it answers every
 * read with "nothing" and loads Dexie (open.ts: IndexedDB, or memory when storage is blocked) only when
 * something is written, or another tab has created the database since. A watch answers "nothing" too,
 * then starts watching the full store once this tab loads it or another tab's Dexie says it wrote. From
 * then on it hands every call to that store. So a first visit paints and plays a scenario, and shows the
 * catalog or an empty dashboard, without downloading Dexie until the learner's first answer. Where
 * progress is stored, the full store opens at once, as it always did (the offline worker has Dexie
 * cached, and a write never waits for it to load).
 */
import type { OpenedStore } from './open';
import { databaseExists } from './peek';
import type { AttemptRecord, ExamSession, ProgressStore, ShiftRun } from './types';

type Store = ProgressStore;

/**
 * The BroadcastChannel on which Dexie (4.x, pinned) tells every tab of the origin that a transaction wrote
 * (its STORAGE_MUTATED_DOM_EVENT_NAME): a tab watching nothing yet hears another tab's first write on it.
 */
export const DEXIE_MUTATIONS_CHANNEL = 'x-storagemutated-1';

export class LazyStore implements ProgressStore {
	#loading: Promise<Store> | undefined;
	#real: Store | undefined;
	#beforeFirstWrite: ((store: Store) => Promise<void>) | undefined;
	#firstWrite: Promise<void> | undefined;
	/** Watches waiting for the full store: called once when this tab starts loading it. */
	#onLoad = new Set<() => void>();

	/**
	 * `stillEmpty` says whether the browser still holds no database (looked at again before each read, as
	 * another tab may have saved since). `opened` hears once what opening storage said (a warning when it
	 * cannot save).
	 */
	constructor(
		private readonly stillEmpty: () => Promise<boolean> = async () => !(await databaseExists()),
		private readonly opened: (opened: OpenedStore) => void = () => {},
		private readonly open: () => Promise<OpenedStore> = async () => (await import('./open')).openStore()
	) {}

	/** 'indexeddb' until the full store opens (it is what the browser offers), then that store's kind. */
	get kind(): Store['kind'] {
		return this.#real?.kind ?? 'indexeddb';
	}

	/** Whether the full store (Dexie, or memory) has been asked for. */
	get loaded(): boolean {
		return this.#loading !== undefined;
	}

	/** The full store, loaded once (a failed download is tried again on the next call). */
	load(): Promise<Store> {
		if (this.#loading) return this.#loading;
		this.#loading = this.open().then(
			(o) => {
				this.#real = o.store;
				this.opened(o);
				return o.store;
			},
			(e: unknown) => {
				this.#loading = undefined;
				throw e;
			}
		);
		const waiting = [...this.#onLoad];
		this.#onLoad.clear();
		for (const attach of waiting) attach();
		return this.#loading;
	}

	/**
	 * Work to write before this store's first write (the session's default learner): it is stored with
	 * the first thing the learner does that is saved, never by merely opening a page.
	 */
	beforeFirstWrite(write: (store: Store) => Promise<void>): void {
		this.#beforeFirstWrite = write;
	}

	async #writable(): Promise<Store> {
		const store = await this.load();
		const pending = this.#beforeFirstWrite;
		if (pending) {
			this.#firstWrite ??= pending(store).then(
				() => {
					if (this.#beforeFirstWrite === pending) this.#beforeFirstWrite = undefined;
					this.#firstWrite = undefined;
				},
				(e: unknown) => {
					// Tried again with the next write: a full disk once loses nothing.
					this.#firstWrite = undefined;
					throw e;
				}
			);
			await this.#firstWrite;
		}
		return store;
	}

	/** Nothing stored and the full store not asked for: `none`, without Dexie; otherwise the full store's answer. */
	async #read<T>(none: T, full: (s: Store) => Promise<T>): Promise<T> {
		if (!this.#loading && (await this.stillEmpty().catch(() => false))) return none;
		return full(await this.load());
	}

	#write<T>(run: (s: Store) => Promise<T>): Promise<T> {
		return this.#writable().then(run);
	}

	/**
	 * Nothing stored: calls back with `none`, then watches the full store once this tab loads it (a write)
	 * or another tab writes (its Dexie says so on the channel). Otherwise the full store's watch at once.
	 */
	#watch<T>(subscribe: (s: Store, onChange: (value: T) => void) => () => void, none: T, onChange: (value: T) => void): () => void {
		let stop: (() => void) | undefined;
		let stopped = false;
		let attached = false;
		let channel: BroadcastChannel | undefined;
		const attach = () => {
			if (stopped || attached) return;
			attached = true;
			channel?.close();
			this.#onLoad.delete(attach);
			this.load().then(
				(s) => {
					if (!stopped) stop = subscribe(s, onChange);
				},
				() => {
					// Storage code could not load (offline, before the worker cached it): nothing to watch.
				}
			);
		};
		if (this.#loading) attach();
		else
			void this.stillEmpty()
				.catch(() => false)
				.then((empty) => {
					if (stopped || attached) return;
					if (!empty || this.#loading) return attach();
					onChange(none);
					this.#onLoad.add(attach);
					if (typeof BroadcastChannel === 'function') {
						channel = new BroadcastChannel(DEXIE_MUTATIONS_CHANNEL);
						channel.onmessage = attach;
					}
				});
		return () => {
			stopped = true;
			channel?.close();
			this.#onLoad.delete(attach);
			stop?.();
		};
	}

	// What a first paint reads: the learners, who is working, their attempts, one attempt's inputs and draft, the kept assignments.
	listLearners: Store['listLearners'] = () => this.#read([], (s) => s.listLearners());
	getSetting = <T>(key: string): Promise<T | undefined> => this.#read(undefined, (s) => s.getSetting<T>(key));
	listAttempts: Store['listAttempts'] = (learnerId) => this.#read([], (s) => s.listAttempts(learnerId));
	getAttempt: Store['getAttempt'] = (id) => this.#read(undefined, (s) => s.getAttempt(id));
	getInputs: Store['getInputs'] = (attemptId) => this.#read([], (s) => s.getInputs(attemptId));
	getDraft: Store['getDraft'] = (attemptId, stepId) => this.#read(undefined, (s) => s.getDraft(attemptId, stepId));
	listAssignments: Store['listAssignments'] = () => this.#read([], (s) => s.listAssignments());

	// Every write loads the full store (and stores what waited for the first write).
	putLearner: Store['putLearner'] = (...a) => this.#write((s) => s.putLearner(...a));
	setSetting: Store['setSetting'] = (...a) => this.#write((s) => s.setSetting(...a));
	createAttempt: Store['createAttempt'] = (...a) => this.#write((s) => s.createAttempt(...a));
	appendInput: Store['appendInput'] = (...a) => this.#write((s) => s.appendInput(...a));
	putDraft: Store['putDraft'] = (...a) => this.#write((s) => s.putDraft(...a));
	applyImport: Store['applyImport'] = (...a) => this.#write((s) => s.applyImport(...a));
	deleteLearner: Store['deleteLearner'] = (...a) => this.#write((s) => s.deleteLearner(...a));
	putExamSession: Store['putExamSession'] = (...a) => this.#write((s) => s.putExamSession(...a));
	updateExamSession: Store['updateExamSession'] = (...a) => this.#write((s) => s.updateExamSession(...a));
	putReviewCards: Store['putReviewCards'] = (...a) => this.#write((s) => s.putReviewCards(...a));
	putAuthored: Store['putAuthored'] = (...a) => this.#write((s) => s.putAuthored(...a));
	deleteAuthored: Store['deleteAuthored'] = (...a) => this.#write((s) => s.deleteAuthored(...a));
	putAssignment: Store['putAssignment'] = (...a) => this.#write((s) => s.putAssignment(...a));
	recordLaunch: Store['recordLaunch'] = (...a) => this.#write((s) => s.recordLaunch(...a));
	acknowledgeStatements: Store['acknowledgeStatements'] = (...a) => this.#write((s) => s.acknowledgeStatements(...a));
	addGradebookFiles: Store['addGradebookFiles'] = (...a) => this.#write((s) => s.addGradebookFiles(...a));
	createShiftRun: Store['createShiftRun'] = (...a) => this.#write((s) => s.createShiftRun(...a));
	advanceShiftRun: Store['advanceShiftRun'] = (...a) => this.#write((s) => s.advanceShiftRun(...a));
	clearGradebook: Store['clearGradebook'] = (...a) => this.#write((s) => s.clearGradebook(...a));

	// The other reads: nothing stored is nothing to read either.
	getInputsOf: Store['getInputsOf'] = (...a) => this.#read([], (s) => s.getInputsOf(...a));
	getExamSession: Store['getExamSession'] = (...a) => this.#read(undefined, (s) => s.getExamSession(...a));
	listExamSessions: Store['listExamSessions'] = (...a) => this.#read([], (s) => s.listExamSessions(...a));
	listReviewCards: Store['listReviewCards'] = (...a) => this.#read([], (s) => s.listReviewCards(...a));
	getAuthored: Store['getAuthored'] = (...a) => this.#read(undefined, (s) => s.getAuthored(...a));
	listAuthored: Store['listAuthored'] = (...a) => this.#read([], (s) => s.listAuthored(...a));
	getXapiRecord: Store['getXapiRecord'] = (learnerId, assignmentId) => this.#read({ learnerId, assignmentId, launches: [], acknowledged: [] }, (s) => s.getXapiRecord(learnerId, assignmentId));
	getGradebook: Store['getGradebook'] = (...a) => this.#read(undefined, (s) => s.getGradebook(...a));
	listGradebooks: Store['listGradebooks'] = (...a) => this.#read([], (s) => s.listGradebooks(...a));
	getShiftRun: Store['getShiftRun'] = (...a) => this.#read(undefined, (s) => s.getShiftRun(...a));
	listShiftRuns: Store['listShiftRuns'] = (...a) => this.#read([], (s) => s.listShiftRuns(...a));

	// Watching (liveQuery) needs Dexie: loaded with the first write here or elsewhere, then called back as Dexie would.
	watchAttempts: Store['watchAttempts'] = (learnerId, onChange) => this.#watch<AttemptRecord[]>((s, cb) => s.watchAttempts(learnerId, cb), [], onChange);
	watchExamSessions: Store['watchExamSessions'] = (learnerId, onChange) => this.#watch<ExamSession[]>((s, cb) => s.watchExamSessions(learnerId, cb), [], onChange);
	watchShiftRuns: Store['watchShiftRuns'] = (learnerId, onChange) => this.#watch<ShiftRun[]>((s, cb) => s.watchShiftRuns(learnerId, cb), [], onChange);
}

/**
 * The store for this tab. Nothing stored in this browser yet: the lazy store, which loads Dexie with the
 * first write. Progress stored, or IndexedDB blocked: the full store at once, so pages read it and its
 * warning shows as before.
 */
export async function openLazyStore(opened?: (o: OpenedStore) => void): Promise<LazyStore> {
	const empty = await databaseExists().then((exists) => !exists, () => false);
	const store = new LazyStore(undefined, opened);
	if (!empty) await store.load();
	return store;
}
