import type { Learner, ProgressStore } from './db/types';
import { newId } from './ids';

const CURRENT_LEARNER = 'currentLearner';
/** Set once the learner has given their name on the first visit, or said "not now". */
const NAME_ASKED = 'nameAsked';
/** The name a profile gets until its learner says theirs (assign/identity.ts refuses it on result files). */
const DEFAULT_NAME = 'Student';

/** The browser session: the opened store and who is working. One per tab. */
class Session {
	store = $state<ProgressStore | null>(null);
	warning = $state<string | undefined>(undefined);
	learners = $state<Learner[]>([]);
	learner = $state<Learner | null>(null);
	/** The first visit: the learner has not yet been asked their name (the catalog asks, inline and skippable). */
	askName = $state(false);
	#ready: Promise<void> | undefined;

	/** Opens storage once; every page awaits this before reading progress. */
	ready(): Promise<void> {
		this.#ready ??= (async () => {
			// Dexie loads after the first paint: the catalog's first render needs no database code.
			const { openStore } = await import('./db/open');
			const opened = await openStore();
			this.store = opened.store;
			this.warning = opened.warning;
			this.learners = await opened.store.listLearners();
			const currentId = await opened.store.getSetting<string>(CURRENT_LEARNER);
			this.learner = this.learners.find((l) => l.id === currentId) ?? this.learners[0] ?? null;
			if (!this.learner) {
				try {
					await this.addLearner('Student');
				} catch (e) {
					// A full disk on the very first visit: work as an unsaved learner and say so, rather than hang every page.
					const { storageProblem } = await import('./storage-errors');
					this.learner = { id: newId(), name: 'Student', createdAt: Date.now() };
					this.warning = `Your progress cannot be saved: ${storageProblem(e)}`;
				}
			}
			this.askName = this.learner?.name === DEFAULT_NAME && !(await opened.store.getSetting<boolean>(NAME_ASKED).catch(() => false));
		})();
		return this.#ready;
	}

	/** Adds a learner and makes them the one working; a failed write throws, and nothing is shown as added that was not stored. */
	async addLearner(name: string): Promise<Learner> {
		const learner: Learner = { id: newId(), name: name.trim() || DEFAULT_NAME, createdAt: Date.now() };
		await this.store!.putLearner(learner);
		this.learners = await this.store!.listLearners();
		await this.switchTo(learner.id);
		return learner;
	}

	/** Re-reads the learner list (after an import added one). */
	async refreshLearners(): Promise<void> {
		this.learners = await this.store!.listLearners();
	}

	/** Deletes a learner and all their progress; the current learner moves to someone else. */
	async deleteLearner(id: string): Promise<void> {
		await this.store!.deleteLearner(id);
		this.learners = await this.store!.listLearners();
		if (this.learner?.id === id) {
			const next = this.learners[0];
			if (next) await this.switchTo(next.id);
			else await this.addLearner(DEFAULT_NAME);
		}
	}

	/** Renames a learner (a name already checked by learner-names.ts); a failed write throws and nothing changes on screen. */
	async renameLearner(id: string, name: string): Promise<void> {
		const learner = this.learners.find((l) => l.id === id);
		if (!learner) return;
		const renamed = { ...learner, name };
		await this.store!.putLearner(renamed);
		this.learners = await this.store!.listLearners();
		if (this.learner?.id === id) this.learner = renamed;
	}

	/** The first-visit question is answered (a name given) or put off ("not now"): it is not asked again. */
	async nameAnswered(): Promise<void> {
		await this.store!.setSetting(NAME_ASKED, true);
		this.askName = false;
	}

	/** A profile made for nobody in particular and never used: still the default name, with no attempts, exam sessions, review cards or shifts. */
	async isUntouchedDefault(id: string): Promise<boolean> {
		const learner = this.learners.find((l) => l.id === id);
		if (!learner || learner.name !== DEFAULT_NAME) return false;
		const [attempts, sessions, cards, runs] = await Promise.all([this.store!.listAttempts(id), this.store!.listExamSessions(id), this.store!.listReviewCards(id), this.store!.listShiftRuns(id)]);
		return attempts.length === 0 && sessions.length === 0 && cards.length === 0 && runs.length === 0;
	}

	async switchTo(id: string): Promise<void> {
		const learner = this.learners.find((l) => l.id === id);
		if (!learner) return;
		// Stored first: a failed write leaves the learner working now as they were.
		await this.store!.setSetting(CURRENT_LEARNER, id);
		this.learner = learner;
	}
}

export const session = new Session();
