/**
 * The offline worker seen from a page: registers it where it belongs and says when a new version is
 * waiting. The update is applied only when the learner asks (the page reloads), or when the app opens
 * again with no other page of it open (before the learner does anything) after it was announced: never
 * in the middle of an attempt, and never before the learner has been told.
 */
import { base } from '$app/paths';
import { dev } from '$app/environment';
import { APPLY_IF_ALONE, APPLY_UPDATE, APPLYING } from './offline-cache';

/**
 * Not in a frame: an LMS package runs the app in a frame of its launch page, inside the LMS's own
 * page, from a folder of the LMS's site. A worker registered there would serve that folder on the
 * LMS's host after the course changed, so a package (or any framed copy) runs without one.
 */
export function offlineAllowed(w: Window): boolean {
	return !dev && 'serviceWorker' in w.navigator && w.top === w;
}

/** How often an open page asks the host for a new version (besides on every full page load). */
const CHECK_EVERY_MS = 30 * 60 * 1000;

/**
 * Set once a page has said "an update is ready", cleared once no version waits: a waiting version is
 * applied at a start only after it was announced. Without it, a version that finished installing
 * while a reload was under way was applied by that reload, unannounced (which the update e2e test,
 * publishing a real second build, caught as a race).
 */
const ANNOUNCED = `front-desk${base}:update-announced`;
const announced = {
	get(): boolean {
		try {
			return localStorage.getItem(ANNOUNCED) === '1';
		} catch {
			return true; // No storage to remember it in: behave as before (apply at the next lone start).
		}
	},
	set(on: boolean): void {
		try {
			if (on) localStorage.setItem(ANNOUNCED, '1');
			else localStorage.removeItem(ANNOUNCED);
		} catch {
			// Blocked storage: nothing to remember.
		}
	}
};

class OfflineApp {
	/** A new version is installed and waits for the learner (or for every page of the app to close). */
	updateReady = $state(false);
	/** This page is served by the offline worker. */
	controlled = $state(false);
	#registration: ServiceWorkerRegistration | undefined;
	#applying = false;
	#started = false;

	start(): void {
		if (this.#started || !offlineAllowed(window)) return;
		this.#started = true;
		const container = navigator.serviceWorker;
		this.controlled = !!container.controller;
		const firstController = container.controller;
		container.addEventListener('controllerchange', () => {
			this.controlled = true;
			// The learner asked for the update here: open the same page (the attempt resumes) on it.
			if (this.#applying) location.reload();
		});
		container.addEventListener('message', (event) => {
			// The waiting worker takes over at this start: reload on it before the learner begins.
			if (event.data !== APPLYING) return;
			this.#applying = true;
			// Its take-over may already have been announced (the two events are not ordered).
			if (container.controller !== firstController) location.reload();
		});
		container.startMessages();
		// A first visit (no worker yet) registers once the page has loaded and gone idle: installing fetches
		// and stores the whole app, which should not compete with the page's own start on a slow phone. A
		// later visit registers at once, so a version left waiting is applied before the learner begins.
		if (container.controller) this.#register(container);
		else afterLoadAndIdle(() => this.#register(container));
	}

	#register(container: ServiceWorkerContainer): void {
		void container
			.register(`${base}/service-worker.js`, { scope: `${base}/` })
			.then((reg) => {
				this.#registration = reg;
				const watch = (worker: ServiceWorker | null) => {
					if (!worker) return;
					const seen = () => {
						// A first install is not an update: only a worker waiting behind an active one is.
						if (worker.state === 'installed' && container.controller) {
							this.updateReady = true;
							// Announced only if someone can see it (a page being hidden or closed cannot).
							if (document.visibilityState === 'visible') announced.set(true);
						}
					};
					seen();
					worker.addEventListener('statechange', seen);
				};
				// The next start: a version left waiting, and already announced, is applied now if no other page
				// of the app is open. One not yet announced is announced first (watch, below).
				const waitingAnnounced = !!reg.waiting && announced.get();
				if (!reg.waiting) announced.set(false);
				watch(reg.waiting);
				watch(reg.installing);
				if (reg.waiting && container.controller && waitingAnnounced) reg.waiting.postMessage(APPLY_IF_ALONE);
				reg.addEventListener('updatefound', () => watch(reg.installing));
				setInterval(() => void this.check(), CHECK_EVERY_MS);
				document.addEventListener('visibilitychange', () => {
					if (document.visibilityState === 'visible') void this.check();
				});
			})
			.catch(() => {
				// No worker (private mode, blocked by policy): the app works online as before.
			});
	}

	/** Asks the host whether a new version is out; a found one installs in the background. */
	async check(): Promise<void> {
		await this.#registration?.update().catch(() => undefined);
	}

	/** The learner's "update now": the waiting worker takes over, then this page reloads on it. */
	apply(): void {
		const waiting = this.#registration?.waiting;
		if (!waiting) return location.reload();
		this.#applying = true;
		waiting.postMessage(APPLY_UPDATE);
	}
}

/** Runs `then` once the page's load event has passed and the main thread is idle (or after 3 s at most). */
function afterLoadAndIdle(then: () => void): void {
	const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => then(), { timeout: 3000 }) : setTimeout(then, 500));
	if (document.readyState === 'complete') idle();
	else addEventListener('load', idle, { once: true });
}

export const offlineApp = new OfflineApp();
