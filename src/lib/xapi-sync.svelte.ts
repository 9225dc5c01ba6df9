/**
 * The browser side of xAPI reporting: for the current learner and every stored assignment that
 * reports to an LRS, derive the statements (lms/xapi.ts), send what the LRS has not acknowledged
 * (lms/xapi-transport.ts) and record what it acknowledged. Runs on every page once loaded (the root
 * layout loads it when an assignment reports), again whenever attempts change, when the browser comes
 * back online, and on a backoff timer while the LRS cannot be reached.
 */
import { base } from '$app/paths';
import type { Assignment } from './assign/assignment';
import { loadAssignmentScenario, loadAssignmentShifts } from './assignment-scenarios';
import type { Shift } from './content/schema/shift';
import type { Scenario } from './content/schema/scenario';
import type { AttemptRecord, Learner, ProgressStore } from './db/types';
import { loadDecisions, type Decision } from './lms/decisions';
import type { ShiftDecision } from './lms/shift-decisions';
import { assignmentStanding } from './lms/standing';
import { assignmentExamInput } from './exam-bank';
import { buildStatements, learnerAccount, outbox } from './lms/xapi';
import { identityKey, storedIdentity } from './assign/identity';
import { deliver } from './lms/xapi-transport';

export interface XapiReport {
	/** The LRS's host, as the student sees it. */
	host: string;
	/** Statements the LRS acknowledged. */
	sent: number;
	/** Statements still to send. */
	waiting: number;
	/** needs-name, needs-id: waiting for the student to save their name (or the student ID the assignment asks for). */
	state: 'sending' | 'sent' | 'offline' | 'unreachable' | 'stopped' | 'needs-name' | 'needs-id';
	/** Why the last try did not reach the LRS (offline, no answer, a server error). */
	unreachable?: string;
	/** What the LRS refused and its reason: the credentials, or single statements. */
	refusal?: string;
	/** Work that could not be turned into statements (an attempt on an earlier version of a scenario). */
	problem?: string;
}

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 5 * 60_000;

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

function hostOf(endpoint: string): string {
	try {
		return new URL(endpoint).host;
	} catch {
		return endpoint;
	}
}

class XapiReporting {
	/** By assignment id, for the current learner. */
	reports = $state<Record<string, XapiReport>>({});
	#store: ProgressStore | null = null;
	#learner: Learner | null = null;
	#attempts: AttemptRecord[] | undefined;
	#stopWatching: (() => void) | undefined;
	#running = false;
	#again = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#failures = 0;
	/** For this tab's life: statements the LRS refused (by assignment), and assignments whose credentials it refused. */
	#refused = new Map<string, Set<string>>();
	#halted = new Map<string, string>();
	#scenarios = new Map<string, Promise<Scenario | undefined>>();
	#shifts = new Map<string, Promise<Map<string, Shift>>>();
	#onOnline = () => {
		this.#failures = 0;
		this.nudge();
	};
	/** Going offline says so at once (nothing is sent). */
	#onOffline = () => this.nudge();

	/** Starts (or, for the same learner, just re-runs) reporting for this learner. */
	start(store: ProgressStore, learner: Learner): void {
		if (this.#store === store && this.#learner?.id === learner.id) return this.nudge();
		this.stop();
		this.#store = store;
		this.#learner = learner;
		const stopAttempts = store.watchAttempts(learner.id, (attempts) => {
			this.#attempts = attempts;
			this.nudge();
		});
		// A submitted mock exam changes an assignment's standing too.
		const stopSessions = store.watchExamSessions(learner.id, () => this.nudge());
		// And so does a shift run worked from its link.
		const stopRuns = store.watchShiftRuns(learner.id, () => this.nudge());
		this.#stopWatching = () => {
			stopAttempts();
			stopSessions();
			stopRuns();
		};
		addEventListener('online', this.#onOnline);
		addEventListener('offline', this.#onOffline);
	}

	stop(): void {
		this.#stopWatching?.();
		this.#stopWatching = undefined;
		removeEventListener('online', this.#onOnline);
		removeEventListener('offline', this.#onOffline);
		clearTimeout(this.#timer);
		this.#store = this.#learner = null;
		this.#attempts = undefined;
		this.reports = {};
	}

	/** Runs once more soon; runs never overlap, and a request during one makes one more after it. */
	nudge(): void {
		if (this.#running) return void (this.#again = true);
		this.#running = true;
		clearTimeout(this.#timer);
		// One tab at a time sends (Web Locks where the browser has them), so two tabs never send the same statement at once.
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		const run = () => this.#run().catch(() => {});
		void (locks ? locks.request('front-desk-simulator:xapi', run) : run()).finally(() => {
			this.#running = false;
			if (this.#again) {
				this.#again = false;
				this.nudge();
			}
		});
	}

	#scenario(a: Assignment, id: string): Promise<Scenario | undefined> {
		const key = `${a.id}|${id}`;
		if (!this.#scenarios.has(key)) this.#scenarios.set(key, loadAssignmentScenario(a, id).catch(() => undefined));
		return this.#scenarios.get(key)!;
	}

	/** The assignment's shifts with their graders loaded (loaded once, and only for an assignment that names shifts). */
	#shiftsOf(a: Assignment): Promise<Map<string, Shift>> {
		// A load that failed (a chunk not reachable offline) is tried again on the next run.
		if (!this.#shifts.has(a.id))
			this.#shifts.set(
				a.id,
				loadAssignmentShifts(a).catch(() => {
					this.#shifts.delete(a.id);
					return new Map();
				})
			);
		return this.#shifts.get(a.id)!;
	}

	#update(assignmentId: string, patch: Partial<XapiReport>): void {
		const current = this.reports[assignmentId] ?? { host: '', sent: 0, waiting: 0, state: 'sent' };
		this.reports = { ...this.reports, [assignmentId]: { ...current, ...patch } };
	}

	async #run(): Promise<void> {
		const store = this.#store;
		const learner = this.#learner;
		if (!store || !learner) return;
		const stored = (await store.listAssignments()).filter((r) => r.assignment.xapi);
		const attempts = this.#attempts ?? (await store.listAttempts(learner.id));
		const appUrl = `${location.origin}${base}/`;
		// The actor is the name the student gave on an assignment page, never a profile's placeholder.
		const identity = storedIdentity(await store.getSetting<unknown>(identityKey(learner.id)));
		let retry = false;
		for (const { assignment: a } of stored) {
			if (this.#learner !== learner) return;
			const lrs = a.xapi!;
			const record = await store.getXapiRecord(learner.id, a.id);
			// Only an assignment this learner opened reports their work.
			if (!record.launches.length) continue;

			// Shift runs count toward the assignment's completion and score, and are reported like attempts.
			const runs = a.shifts?.length ? await store.listShiftRuns(learner.id) : [];
			const standing = assignmentStanding(a, attempts, a.exam ? await assignmentExamInput(a, await store.listExamSessions(learner.id)) : undefined, runs);
			const counted = standing.scenarios.flatMap((s) => s.attempts);
			const inputs = await store.getInputsOf(counted.map((x) => x.id));
			const titles = new Map<string, { title: string; summary: string }>();
			for (const id of a.scenarios) {
				const s = await this.#scenario(a, id);
				if (s) titles.set(id, { title: s.meta.title, summary: s.meta.summary });
			}
			const decisions: Decision[] = [];
			let problem: string | undefined;
			for (const attempt of counted) {
				const s = await this.#scenario(a, attempt.scenarioId);
				const d = s ? await loadDecisions(s, attempt, inputs) : ({ ok: false, error: `scenario ${attempt.scenarioId} is not in this copy of the simulator` } as const);
				if (d.ok) decisions.push(...d.decisions);
				else problem = `The decisions of one attempt cannot be reported: ${d.error}.`;
			}
			const shifts = a.shifts?.length ? await this.#shiftsOf(a) : new Map<string, Shift>();
			const shiftTitles = new Map([...shifts].map(([id, s]) => [id, { title: s.meta.title, summary: s.meta.summary }]));
			// A run's answers are reported once its day is over (buildStatements ignores an unfinished run's), by the rule the SCORM launch page follows too.
			const finishedRun = standing.shifts.some((s) => s.runs.some((r) => r.finishedAt !== undefined));
			const fromRuns = finishedRun ? (await import('./lms/shift-decisions')).countedShiftDecisions(standing, shifts) : { decisions: [], problems: [] };
			const shiftDecisions: ShiftDecision[] = fromRuns.decisions;
			for (const error of fromRuns.problems) problem = `The decisions of one shift cannot be reported: ${error}.`;
			const account = learnerAccount(lrs, learner.id, identity?.studentId, appUrl);
			// Until the student has saved their name (and the ID the assignment asks for) the statements are only counted, never sent: the ids do not depend on the actor.
			const ready = identity && account;
			const statements = buildStatements({ assignment: a, learner: { id: learner.id, name: identity?.name ?? learner.name }, account: account ?? { homePage: appUrl, name: learner.id }, appUrl, standing, decisions, launches: record.launches, scenarios: titles, shifts: shiftTitles, shiftDecisions });

			const acknowledged = new Set(record.acknowledged);
			const refused = this.#refused.get(a.id) ?? new Set<string>();
			this.#refused.set(a.id, refused);
			const pending = outbox(statements, acknowledged).filter((s) => !refused.has(s.id));
			const halted = this.#halted.get(a.id);
			this.#update(a.id, { host: hostOf(lrs.endpoint), sent: acknowledged.size, waiting: pending.length, problem, ...(halted ? { refusal: halted } : {}) });
			if (!pending.length) {
				this.#update(a.id, { state: halted ? 'stopped' : 'sent', unreachable: undefined });
				continue;
			}
			if (halted) continue;
			if (!ready) {
				this.#update(a.id, { state: identity ? 'needs-id' : 'needs-name', unreachable: undefined });
				continue;
			}
			if (offline()) {
				this.#update(a.id, { state: 'offline', unreachable: 'this computer is offline' });
				retry = true;
				continue;
			}

			this.#update(a.id, { state: 'sending' });
			let waiting = pending.length;
			const report = await deliver(lrs, pending, async (ids) => {
				await store.acknowledgeStatements(learner.id, a.id, ids);
				for (const id of ids) acknowledged.add(id);
				waiting -= ids.length;
				this.#update(a.id, { sent: acknowledged.size, waiting });
			});
			for (const r of report.refused) refused.add(r.id);
			waiting -= report.refused.length;
			const n = refused.size;
			const refusal = report.stopped && !report.stopped.retry ? `It refused the assignment's key or secret (${report.stopped.reason}). Tell your instructor.` : report.refused[0] ? `It refused ${n} statement${n === 1 ? '' : 's'} (${report.refused[0].reason}). Tell your instructor.` : this.reports[a.id]?.refusal;
			if (report.stopped && !report.stopped.retry) this.#halted.set(a.id, refusal!);
			if (report.stopped?.retry) retry = true;
			this.#update(a.id, {
				waiting,
				state: !report.stopped ? 'sent' : !report.stopped.retry ? 'stopped' : offline() ? 'offline' : 'unreachable',
				unreachable: report.stopped?.retry ? report.stopped.reason : undefined,
				...(refusal ? { refusal } : {})
			});
		}
		if (retry) {
			// Backoff: 2 s, 4 s, 8 s … up to 5 minutes; coming back online tries at once.
			const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#failures++);
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => this.nudge(), delay);
		} else this.#failures = 0;
	}
}

export const xapiReporting = new XapiReporting();
