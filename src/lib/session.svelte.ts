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
			if (!this.learner) await this.addLearner('Student');
		})();
		return this.#ready;
	}

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
		this.learner = learner;
		await this.store!.setSetting(CURRENT_LEARNER, id);
	}
}

export const session = new Session();
