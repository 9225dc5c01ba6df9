import type { Learner, ProgressStore } from './db/types';
import { openLazyStore } from './db/lazy';
import { newId } from './ids';

const CURRENT_LEARNER = 'currentLearner';
/** Set once the learner has given their name on the first visit, or said "not now". */
const NAME_ASKED = 'nameAsked';
/** The name a profile gets until its learner says theirs (assign/identity.ts refuses it on result files). */
const DEFAULT_NAME = 'Student';

/**
 * The default learner of a browser that has stored nobody yet, the same in every tab and across reloads
 * (kept in localStorage until stored): two tabs opened on a first visit store one learner, not two, and
 * an attempt opened before the first answer is found again under the same learner.
 */
const PROVISIONAL_LEARNER = 'front-desk-simulator:provisional-learner';
function provisionalLearner(): Learner {
	try {
		const kept = JSON.parse(localStorage.getItem(PROVISIONAL_LEARNER) ?? 'null') as unknown;
		if (isProvisional(kept)) return { id: kept.id, name: DEFAULT_NAME, createdAt: kept.createdAt };
	} catch {
		// Blocked or unreadable: a learner for this page only.
	}
	const learner: Learner = { id: newId(), name: DEFAULT_NAME, createdAt: Date.now() };
	try {
		localStorage.setItem(PROVISIONAL_LEARNER, JSON.stringify({ id: learner.id, createdAt: learner.createdAt }));
	} catch {
		// As above.
	}
	return learner;
}
const isProvisional = (x: unknown): x is { id: string; createdAt: number } =>
	typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((x as { id: string }).id) && Number.isSafeInteger((x as { createdAt?: unknown }).createdAt);
function forgetProvisionalLearner(id: string): void {
	try {
		if (localStorage.getItem(PROVISIONAL_LEARNER)?.includes(id)) localStorage.removeItem(PROVISIONAL_LEARNER);
	} catch {
		// Nothing kept.
	}
}

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
			// A browser that has stored nothing yet loads Dexie only when something is written: a first visit
			// paints and plays without it (db/lazy.ts). Stored progress opens it at once, as before.
			const store = await openLazyStore((opened) => {
				if (opened.warning) this.warning = opened.warning;
			});
			this.store = store;
			if (!store.loaded && typeof window !== 'undefined') {
				// The learner's first key or pointer press opens storage: what they do next is usually saved, and
				// their first answer (or name) should not wait for the download, nor be lost to a page left at once.
				const start = () => {
					for (const type of ['pointerdown', 'keydown']) window.removeEventListener(type, start, true);
					void store.load().catch(() => undefined);
				};
				for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, start, { capture: true, passive: true });
			}
			this.learners = await store.listLearners();
			const currentId = await store.getSetting<string>(CURRENT_LEARNER);
			this.learner = this.learners.find((l) => l.id === currentId) ?? this.learners[0] ?? null;
			if (!this.learner) {
				// Nobody stored yet (a first visit): work as the default learner, stored with the first thing saved.
				const learner = provisionalLearner();
				this.learner = learner;
				this.learners = [learner];
				store.beforeFirstWrite(async (full) => {
					// Another tab of this browser may have stored (and renamed) the same learner since: kept as it is.
					if (!(await full.listLearners()).some((l) => l.id === learner.id)) await full.putLearner(learner);
					if ((await full.getSetting<string>(CURRENT_LEARNER)) === undefined) await full.setSetting(CURRENT_LEARNER, learner.id);
					forgetProvisionalLearner(learner.id);
				});
			}
			this.askName = this.learner?.name === DEFAULT_NAME && !(await store.getSetting<boolean>(NAME_ASKED).catch(() => false));
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
