import type { Learner, ProgressStore } from './db/types';
import { newId } from './ids';

const CURRENT_LEARNER = 'currentLearner';

/** The browser session: the opened store and who is working. One per tab. */
class Session {
	store = $state<ProgressStore | null>(null);
	warning = $state<string | undefined>(undefined);
	learners = $state<Learner[]>([]);
	learner = $state<Learner | null>(null);
	#ready: Promise<void> | undefined;

	/** Opens storage once; every page awaits this before reading progress. */
	ready(): Promise<void> {
		this.#ready ??= (async () => {
			// Dexie loads after the first paint: the catalog's first render needs no database code.
			const { openStore } = await import('./db');
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
		})();
		return this.#ready;
	}

	/** Adds a learner and makes them the one working; a failed write throws, and nothing is shown as added that was not stored. */
	async addLearner(name: string): Promise<Learner> {
		const learner: Learner = { id: newId(), name: name.trim() || 'Student', createdAt: Date.now() };
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
			else await this.addLearner('Student');
		}
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
