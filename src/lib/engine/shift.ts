import type { Consequence, Shift, ShiftEvent, Urgency } from '../content/schema/shift';
import { URGENCIES, minutesOf, clockOf } from '../content/shift-clock';
import { answer, isFinished, start, summarize } from './engine';
import { mix, rng } from './rng';
import { totalsByCompetency } from './progress';
import { InvalidInput, type AttemptState, type Input, type Outcome } from './types';

/**
 * A shift: the office running on a simulated clock. Like an attempt, its state is derived from the
 * seed and the inputs alone (`replayShift`), so it resumes after a reload and replays in the debrief.
 * The clock moves only through inputs: never the wall clock.
 */

/** What the learner does. Plain JSON: it is what gets stored and replayed. */
export type ShiftInput =
	| { kind: 'work'; task: string }
	| { kind: 'answer'; input: Input }
	| { kind: 'hold'; task: string }
	| { kind: 'set-aside'; task: string }
	| { kind: 'wait' }
	/** Timed mode: the clock ran on by itself while the learner thought (the task in hand stays in hand). */
	| { kind: 'tick'; minutes: number };

export type TaskStatus = 'ringing' | 'waiting' | 'on-hold' | 'working' | 'done' | 'hung-up' | 'set-aside';

/** One arrival of an event's work: a callback is a second instance of the same event. */
export interface TaskInstance {
	/** The event id, or "<event id>#2" for its second arrival (a callback), and so on. */
	key: string;
	eventId: string;
	arrivedAt: number;
	/** The deadline (minutes after midnight), kept across callbacks; null when there is none. */
	due: number | null;
	status: TaskStatus;
	/** When the current wait began (arrival, hold, or being set back while another task was worked). */
	since: number;
	/** Mood on arrival; it drops while the person waits. Null when nobody is waiting. */
	mood: number | null;
	attempt: AttemptState | null;
	startedAt: number | null;
	finishedAt: number | null;
	/** Minutes waited before the work began. */
	waited: number | null;
}

interface Arrival {
	eventId: string;
	at: number;
	/** 1 for the first arrival, 2 for the first callback… */
	n: number;
	mood: number | null;
	due: number | null;
	/** The consequence that brought it, when one did. */
	cause?: string;
}

export type LogKind = 'arrived' | 'started' | 'resumed' | 'answered' | 'done' | 'hold' | 'hung-up' | 'late' | 'set-aside' | 'consequence' | 'critical' | 'ended';

/** The day's timeline, in the order things happened: what the end-of-shift report shows. */
export interface LogEntry {
	at: number;
	kind: LogKind;
	task?: string;
	text: string;
}

/** A moment the learner chose what to work while something more urgent waited, or did not. */
export interface PriorityCall {
	at: number;
	chosen: string;
	/** The most urgent task waiting then, when it was more urgent than the one chosen. */
	passedOver?: string;
	ok: boolean;
}

export interface ShiftState {
	shift: Shift;
	seed: number;
	clock: number;
	upcoming: readonly Arrival[];
	tasks: readonly TaskInstance[];
	current: string | null;
	/** Consequences that have fired, by id. */
	fired: readonly string[];
	/** Deadlines already recorded as missed, by event id; and time triggers already evaluated. */
	checked: readonly string[];
	priority: readonly PriorityCall[];
	critical: readonly string[];
	log: readonly LogEntry[];
	finished: boolean;
}

const RANK: Record<Urgency, number> = Object.fromEntries(URGENCIES.map((u, i) => [u, i])) as Record<Urgency, number>;
const OPEN: readonly TaskStatus[] = ['ringing', 'waiting', 'on-hold', 'working'];
/** Greeting a caller and asking them to hold takes a minute of the clock. */
export const HOLD_MINUTES = 1;

// Looked up on every tick of the clock: an index per shift, built once (the shift itself is never changed).
const eventIndex = new WeakMap<Shift, Map<string, ShiftEvent>>();
function eventOf(shift: Shift, id: string): ShiftEvent {
	let index = eventIndex.get(shift);
	if (!index) eventIndex.set(shift, (index = new Map(shift.meta.events.map((e) => [e.id, e]))));
	return index.get(id)!;
}
const callRules = (e: ShiftEvent) => ({ ringsOutAfter: 2, hangUpAfter: 5, callBackAfter: 15, angrier: 2, ...e.call });

/** The seeded arrival time: the authored time moved by up to `jitter` minutes, never outside the shift. */
function arrivalTime(shift: Shift, e: ShiftEvent, seed: number): number {
	const at = minutesOf(e.at!);
	if (!e.jitter) return at;
	const offset = Math.round((rng(mix(seed, `at:${e.id}`))() * 2 - 1) * e.jitter);
	return Math.min(shift.end, Math.max(shift.start, at + offset));
}

function sortArrivals(list: Arrival[]): Arrival[] {
	return list.sort((a, b) => a.at - b.at || a.eventId.localeCompare(b.eventId));
}

/** Begins a shift at its start time; the seed varies arrival times and each task's variant. */
export function startShift(shift: Shift, seed: number): ShiftState {
	const upcoming = sortArrivals(
		shift.meta.events
			.filter((e) => e.at !== undefined)
			.map((e) => {
				const at = arrivalTime(shift, e, seed);
				return { eventId: e.id, at, n: 1, mood: e.mood ?? null, due: e.within !== undefined ? at + e.within : null };
			})
	);
	const state: ShiftState = { shift, seed, clock: shift.start, upcoming, tasks: [], current: null, fired: [], checked: [], priority: [], critical: [], log: [], finished: false };
	return advance(state, shift.start);
}

/** A waiting person's mood now: one point lower for every `decay` minutes since the wait began. */
export function moodNow(state: ShiftState, task: TaskInstance): number | null {
	if (task.mood === null || task.status === 'working' || task.status === 'done') return task.attempt?.mood ?? task.mood;
	const e = eventOf(state.shift, task.eventId);
	return Math.max(0, task.mood - Math.floor((state.clock - task.since) / e.decay));
}

/** Minutes the task has waited so far (or waited before it was started). */
export function waitedSoFar(state: ShiftState, task: TaskInstance): number {
	return task.waited ?? state.clock - task.arrivedAt;
}

export function openTasks(state: ShiftState): TaskInstance[] {
	return state.tasks.filter((t) => OPEN.includes(t.status));
}

/** The next step of the task being worked, with its attempt; null when nothing is being worked. */
export function currentAttempt(state: ShiftState): AttemptState | null {
	return state.current ? (state.tasks.find((t) => t.key === state.current)?.attempt ?? null) : null;
}

/** Applies one input. Pure: returns a new state (and the outcome of an answered step). */
export function act(state: ShiftState, input: ShiftInput): { state: ShiftState; outcome?: Outcome } {
	if (state.finished) throw new InvalidInput('the shift is over');
	switch (input.kind) {
		case 'work':
			return { state: work(state, input.task) };
		case 'hold':
			return { state: hold(state, input.task) };
		case 'set-aside':
			return { state: setAside(state, input.task) };
		case 'wait':
			return { state: wait(state) };
		case 'tick':
			if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 60) throw new InvalidInput('a tick moves the clock 1 to 60 whole minutes');
			return { state: settle(advance(state, state.clock + input.minutes)) };
		case 'answer':
			return answerStep(state, input.input);
		default:
			throw new InvalidInput('unknown shift input');
	}
}

/** Rebuilds a shift from its seed and inputs: resume and the debrief's replay. */
export function replayShift(shift: Shift, seed: number, inputs: readonly ShiftInput[]): ShiftState {
	return inputs.reduce((s, input) => act(s, input).state, startShift(shift, seed));
}

function taskOf(state: ShiftState, key: string): TaskInstance {
	const t = state.tasks.find((x) => x.key === key);
	if (!t) throw new InvalidInput(`no task "${key}" has arrived`);
	return t;
}

function update(state: ShiftState, key: string, change: Partial<TaskInstance>): ShiftState {
	return { ...state, tasks: state.tasks.map((t) => (t.key === key ? { ...t, ...change } : t)) };
}

function note(state: ShiftState, kind: LogKind, text: string, task?: string, at = state.clock): ShiftState {
	return { ...state, log: [...state.log, { at, kind, text, ...(task ? { task } : {}) }] };
}

function critical(state: ShiftState, text: string, task: string): ShiftState {
	return note({ ...state, critical: [...state.critical, text] }, 'critical', text, task);
}

/** Sets the task being worked aside (a call goes on hold); it keeps its attempt and resumes where it was. */
function pause(state: ShiftState): ShiftState {
	if (!state.current) return state;
	const t = taskOf(state, state.current);
	const e = eventOf(state.shift, t.eventId);
	const isCall = e.channel === 'call';
	let s = update(state, t.key, { status: isCall ? 'on-hold' : 'waiting', since: state.clock, mood: t.attempt?.mood ?? t.mood });
	s = { ...s, current: null };
	if (isCall) {
		s = note(s, 'hold', `${e.who} put on hold to work something else`, t.key);
		if (e.call?.neverHold) s = critical(s, e.call.neverHold, t.key);
	}
	return s;
}

function work(state: ShiftState, key: string): ShiftState {
	const t = taskOf(state, key);
	if (t.status === 'working') throw new InvalidInput(`"${key}" is already being worked`);
	if (!OPEN.includes(t.status)) throw new InvalidInput(`"${key}" is ${t.status}; it cannot be worked`);
	let s = pause(state);
	s = judgePick(s, key);
	const fresh = taskOf(s, key);
	const mood = moodNow(s, fresh);
	let attempt = fresh.attempt;
	if (!attempt) {
		attempt = start(s.shift.tasks[fresh.eventId]!, mix(s.seed, fresh.key));
		// The person arrives at the desk in the mood the wait left them in.
		if (mood !== null) attempt = { ...attempt, mood };
	} else if (mood !== null) attempt = { ...attempt, mood };
	const resumed = fresh.startedAt !== null;
	s = update(s, key, {
		status: 'working',
		attempt,
		startedAt: fresh.startedAt ?? s.clock,
		waited: fresh.waited ?? s.clock - fresh.arrivedAt
	});
	s = note({ ...s, current: key }, resumed ? 'resumed' : 'started', `${resumed ? 'Back to' : 'Started'}: ${eventOf(s.shift, fresh.eventId).about}`, key);
	return s;
}

/** Choosing a task while a more urgent one waits is a prioritisation miss; with no alternative it is not a decision. */
function judgePick(state: ShiftState, key: string): ShiftState {
	const chosen = taskOf(state, key);
	const others = openTasks(state).filter((t) => t.key !== key);
	if (others.length === 0) return state;
	const rank = (t: TaskInstance) => RANK[eventOf(state.shift, t.eventId).urgency];
	const most = others.reduce((a, b) => (rank(b) < rank(a) ? b : a));
	const ok = rank(chosen) <= rank(most);
	return { ...state, priority: [...state.priority, { at: state.clock, chosen: key, ok, ...(ok ? {} : { passedOver: most.key }) }] };
}

function hold(state: ShiftState, key: string): ShiftState {
	const t = taskOf(state, key);
	const e = eventOf(state.shift, t.eventId);
	if (e.channel !== 'call') throw new InvalidInput(`"${key}" is not a call; only calls go on hold`);
	if (t.status !== 'ringing') throw new InvalidInput(`"${key}" is not ringing`);
	let s = update(state, key, { status: 'on-hold', since: state.clock, mood: moodNow(state, t) });
	s = note(s, 'hold', `Answered ${e.who} and asked them to hold`, key);
	if (e.call?.neverHold) s = critical(s, e.call.neverHold, key);
	return settle(advance(s, s.clock + HOLD_MINUTES));
}

function setAside(state: ShiftState, key: string): ShiftState {
	const t = taskOf(state, key);
	if (!OPEN.includes(t.status)) throw new InvalidInput(`"${key}" is ${t.status}; it cannot be set aside`);
	let s = state.current === key ? { ...state, current: null } : state;
	s = update(s, key, { status: 'set-aside', since: s.clock });
	s = note(s, 'set-aside', `Set aside: ${eventOf(s.shift, t.eventId).about}`, key);
	s = fireSkipped(s, t.eventId);
	return settle(s);
}

/** Lets the clock run to the next arrival; with none left before the end of the shift, to its end, and the shift closes. */
function wait(state: ShiftState): ShiftState {
	let s = pause(state);
	const next = Math.min(s.upcoming[0]?.at ?? Infinity, ...pendingTriggers(s));
	if (next < s.shift.end) return settle(advance(s, Math.max(s.clock, next)));
	s = advance(s, Math.max(s.clock, s.shift.end));
	return close(s);
}

function answerStep(state: ShiftState, input: Input): { state: ShiftState; outcome: Outcome } {
	if (!state.current) throw new InvalidInput('no task is being worked: choose one first');
	const t = taskOf(state, state.current);
	const e = eventOf(state.shift, t.eventId);
	const { state: attempt, outcome } = answer(t.attempt!, input);
	let s = update(state, t.key, { attempt });
	s = note(s, 'answered', `${e.about}: ${outcome.stepId}`, t.key);
	// Carrying on with routine work while an urgent task waits is a prioritisation miss, once per pair.
	s = judgeContinue(s, t.key);
	for (const c of s.shift.meta.consequences) {
		const a = c.if.answered;
		if (!a || c.if.task !== t.eventId || a.step !== outcome.stepId) continue;
		const chosen = outcome.marks.kind === 'choice' || outcome.marks.kind === 'dialogue' ? [outcome.marks.chosen] : outcome.marks.kind === 'multi-choice' ? outcome.marks.options.filter((o) => o.picked).map((o) => o.id) : [];
		const hit = a.with ? a.with.some((id) => chosen.includes(id)) : outcome.verdict !== 'best';
		if (hit) s = fire(s, c, s.clock);
	}
	if (outcome.critical) s = critical(s, outcome.critical, t.key);
	const decisions = s.shift.tasks[t.eventId]!.stepOrder.filter((id) => s.shift.tasks[t.eventId]!.steps[id]!.interaction).length;
	const cost = Math.max(1, Math.round(e.minutes / Math.max(1, decisions)));
	if (isFinished(attempt)) {
		s = advance(s, s.clock + cost);
		s = update(s, t.key, { status: 'done', finishedAt: s.clock });
		s = note({ ...s, current: null }, 'done', `Done: ${e.about}`, t.key);
		return { state: settle(s), outcome };
	}
	return { state: advance(s, s.clock + cost), outcome };
}

function judgeContinue(state: ShiftState, key: string): ShiftState {
	const rank = (t: TaskInstance) => RANK[eventOf(state.shift, t.eventId).urgency];
	const me = taskOf(state, key);
	const urgent = openTasks(state).filter((t) => t.key !== key && rank(t) === 0 && rank(me) > 0);
	let s = state;
	for (const u of urgent) {
		if (s.priority.some((p) => p.chosen === key && p.passedOver === u.key)) continue;
		s = { ...s, priority: [...s.priority, { at: s.clock, chosen: key, passedOver: u.key, ok: false }] };
	}
	return s;
}

/**
 * Closes the shift once nothing is waiting and nothing more will arrive, or once its end time has come
 * and no task is in hand (a task being worked at the end is finished first; nothing new is started).
 */
function settle(state: ShiftState): ShiftState {
	if (state.upcoming.length === 0 && openTasks(state).length === 0 && pendingTriggers(state).length === 0 && state.clock >= state.shift.start) return close(state);
	if (state.clock >= state.shift.end && !state.current) return close(state);
	return state;
}

/** Times of "not done by" checks still to come whose task is not done: what is skipped can still come back. */
function pendingTriggers(state: ShiftState): number[] {
	return state.shift.meta.consequences.flatMap((c) =>
		c.if.notDoneBy === undefined || state.fired.includes(c.id) || state.checked.includes(`by:${c.id}`) || state.tasks.some((t) => t.eventId === c.if.task && t.status === 'done') ? [] : [minutesOf(c.if.notDoneBy)]
	);
}

function close(state: ShiftState): ShiftState {
	let s = state;
	for (const t of openTasks(s)) s = note(s, 'ended', `Not done by the end of the shift: ${eventOf(s.shift, t.eventId).about}`, t.key);
	return note({ ...s, current: null, finished: true }, 'ended', `The shift ended at ${clockOf(s.clock)}`);
}

/** Brings a consequence's event, once, at its time (now, if that time has passed). */
function fire(state: ShiftState, c: Consequence, trigger: number): ShiftState {
	if (state.fired.includes(c.id)) return state;
	const e = eventOf(state.shift, c.then);
	// Two causes of one event (a choice, then a deadline) bring it once.
	if (state.tasks.some((t) => t.eventId === e.id) || state.upcoming.some((a) => a.eventId === e.id)) return { ...state, fired: [...state.fired, c.id] };
	const at = Math.max(state.clock, c.at !== undefined ? minutesOf(c.at) : trigger + (c.after ?? 0));
	const arrival: Arrival = { eventId: e.id, at, n: 1, mood: e.mood ?? null, due: e.within !== undefined ? at + e.within : null, cause: c.id };
	const s = { ...state, fired: [...state.fired, c.id], upcoming: sortArrivals([...state.upcoming, arrival]) };
	return note(s, 'consequence', c.because, c.if.task, trigger);
}

function fireSkipped(state: ShiftState, eventId: string): ShiftState {
	let s = state;
	for (const c of s.shift.meta.consequences) if (c.if.skipped && c.if.task === eventId) s = fire(s, c, s.clock);
	return s;
}

type Happening =
	| { at: number; order: 0; kind: 'arrive'; arrival: Arrival }
	| { at: number; order: 1; kind: 'rings-out' | 'hangs-up'; task: TaskInstance }
	| { at: number; order: 2; kind: 'due'; task: TaskInstance }
	| { at: number; order: 3; kind: 'not-done-by'; consequence: Consequence };

/** The earliest thing that happens by `to`, if any: arrivals, callers giving up, deadlines, timed triggers. */
function nextHappening(state: ShiftState, to: number): Happening | null {
	const found: Happening[] = [];
	const a = state.upcoming[0];
	if (a && a.at <= to) found.push({ at: a.at, order: 0, kind: 'arrive', arrival: a });
	for (const t of state.tasks) {
		const e = eventOf(state.shift, t.eventId);
		if (e.channel === 'call' && (t.status === 'ringing' || t.status === 'on-hold')) {
			const rules = callRules(e);
			const at = t.since + (t.status === 'ringing' ? rules.ringsOutAfter : rules.hangUpAfter);
			if (at <= to) found.push({ at, order: 1, kind: t.status === 'ringing' ? 'rings-out' : 'hangs-up', task: t });
		}
		if (t.due !== null && t.due <= to && t.status !== 'set-aside' && !state.checked.includes(`due:${t.eventId}`) && !state.tasks.some((x) => x.eventId === t.eventId && x.status === 'done'))
			found.push({ at: t.due, order: 2, kind: 'due', task: t });
	}
	for (const c of state.shift.meta.consequences) {
		if (c.if.notDoneBy === undefined || state.fired.includes(c.id) || state.checked.includes(`by:${c.id}`)) continue;
		const at = minutesOf(c.if.notDoneBy);
		if (at <= to) found.push({ at, order: 3, kind: 'not-done-by', consequence: c });
	}
	if (found.length === 0) return null;
	return found.reduce((x, y) => (y.at < x.at || (y.at === x.at && y.order < x.order) ? y : x));
}

/** Moves the clock to `to`, handling everything that happens on the way in time order. */
function advance(state: ShiftState, to: number): ShiftState {
	let s = state;
	for (let h = nextHappening(s, to); h; h = nextHappening(s, to)) {
		s = { ...s, clock: Math.max(s.clock, h.at) };
		if (h.kind === 'arrive') s = arrive(s, h.arrival);
		else if (h.kind === 'rings-out' || h.kind === 'hangs-up') s = hangUp(s, h.task, h.at, h.kind);
		else if (h.kind === 'due') {
			const e = eventOf(s.shift, h.task.eventId);
			s = { ...s, checked: [...s.checked, `due:${h.task.eventId}`] };
			s = note(s, 'late', `Past its deadline: ${e.about}`, h.task.key, h.at);
			if (e.missed) s = critical(s, e.missed, h.task.key);
			if (h.task.startedAt === null) s = fireSkipped(s, h.task.eventId);
		} else if (h.kind === 'not-done-by') {
			const c = h.consequence;
			s = { ...s, checked: [...s.checked, `by:${c.id}`] };
			const done = s.tasks.some((t) => t.eventId === c.if.task && t.status === 'done');
			if (!done) s = fire(s, c, h.at);
		}
	}
	return { ...s, clock: Math.max(s.clock, to) };
}

function arrive(state: ShiftState, a: Arrival): ShiftState {
	const e = eventOf(state.shift, a.eventId);
	const key = a.n === 1 ? e.id : `${e.id}#${a.n}`;
	const task: TaskInstance = {
		key,
		eventId: e.id,
		arrivedAt: a.at,
		due: a.due,
		status: e.channel === 'call' ? 'ringing' : 'waiting',
		since: a.at,
		mood: a.mood,
		attempt: null,
		startedAt: null,
		finishedAt: null,
		waited: null
	};
	const s = { ...state, upcoming: state.upcoming.slice(1), tasks: [...state.tasks, task] };
	return note(s, 'arrived', `${a.n > 1 ? 'Calling back' : e.channel === 'call' ? 'Phone rings' : 'Arrived'}: ${e.who}, ${e.about}`, key, a.at);
}

/** A caller gives up: the call is lost and they ring back later, angrier, with the same need. */
function hangUp(state: ShiftState, t: TaskInstance, at: number, why: 'rings-out' | 'hangs-up'): ShiftState {
	const e = eventOf(state.shift, t.eventId);
	const rules = callRules(e);
	const moodThen = t.mood === null ? null : Math.max(0, t.mood - Math.floor((at - t.since) / e.decay));
	let s = update(state, t.key, { status: 'hung-up' });
	s = note(s, 'hung-up', `${e.who} ${why === 'rings-out' ? 'gave up after the phone rang unanswered' : 'hung up after waiting on hold'}`, t.key, at);
	const n = s.tasks.filter((x) => x.eventId === t.eventId).length + 1;
	const callback: Arrival = { eventId: e.id, at: at + rules.callBackAfter, n, mood: moodThen === null ? null : Math.max(0, moodThen - rules.angrier), due: t.due };
	return { ...s, upcoming: sortArrivals([...s.upcoming, callback]) };
}

export interface TaskResult {
	key: string;
	eventId: string;
	about: string;
	urgency: Urgency;
	arrivedAt: number;
	waited: number | null;
	finishedAt: number | null;
	due: number | null;
	status: TaskStatus;
	/** The task's score as a scenario's (0 when it was never finished). */
	score: number;
	critical: string[];
}

export interface ShiftSummary {
	finished: boolean;
	passed: boolean;
	passMark: number;
	/** Weighted: tasks 60%, prioritisation 20%, timeliness 20%. */
	score: number;
	/** The mean task score over every event that arrived (work never finished counts 0). */
	tasks: number;
	prioritisation: { score: number; good: number; of: number; misses: PriorityCall[] };
	timeliness: { score: number; onTime: number; late: string[]; notDone: string[]; hungUp: number; longestWait: number };
	critical: string[];
	byCompetency: { competency: string; earned: number; possible: number }[];
	results: TaskResult[];
}

export const SHIFT_WEIGHTS = { tasks: 0.6, prioritisation: 0.2, timeliness: 0.2 } as const;

/** The end-of-shift scores: every task as a scenario, plus prioritisation, timeliness and critical errors. */
export function summarizeShift(state: ShiftState, passMark: number = state.shift.meta.passMark): ShiftSummary {
	const results: TaskResult[] = state.tasks.map((t) => {
		const e = eventOf(state.shift, t.eventId);
		const sum = t.attempt && t.status === 'done' ? summarize(t.attempt) : null;
		return {
			key: t.key,
			eventId: t.eventId,
			about: e.about,
			urgency: e.urgency,
			arrivedAt: t.arrivedAt,
			waited: t.waited,
			finishedAt: t.finishedAt,
			due: t.due,
			status: t.status,
			score: sum?.score ?? 0,
			critical: sum?.critical ?? []
		};
	});
	// An event counts once, however many times its caller rang: its last arrival is what was done.
	const byEvent = new Map<string, TaskResult>();
	for (const r of results) if (!byEvent.has(r.eventId) || r.status === 'done' || byEvent.get(r.eventId)!.status !== 'done') byEvent.set(r.eventId, r);
	const events = [...byEvent.values()];
	const tasks = events.length === 0 ? 0 : events.reduce((n, r) => n + r.score, 0) / events.length;
	const onTime = events.filter((r) => r.status === 'done' && (r.due === null || r.finishedAt! <= r.due));
	const late = events.filter((r) => r.status === 'done' && r.due !== null && r.finishedAt! > r.due).map((r) => r.eventId);
	const notDone = events.filter((r) => r.status !== 'done').map((r) => r.eventId);
	const timeliness = {
		score: events.length === 0 ? 1 : onTime.length / events.length,
		onTime: onTime.length,
		late,
		notDone,
		hungUp: results.filter((r) => r.status === 'hung-up').length,
		longestWait: Math.max(0, ...results.map((r) => r.waited ?? (r.status === 'done' ? 0 : state.clock - r.arrivedAt)))
	};
	const good = state.priority.filter((p) => p.ok).length;
	const prioritisation = { score: state.priority.length === 0 ? 1 : good / state.priority.length, good, of: state.priority.length, misses: state.priority.filter((p) => !p.ok) };
	const score = SHIFT_WEIGHTS.tasks * tasks + SHIFT_WEIGHTS.prioritisation * prioritisation.score + SHIFT_WEIGHTS.timeliness * timeliness.score;
	const critical = [...state.critical];
	const byCompetency = totalsByCompetency(state.tasks.flatMap((t) => (t.attempt ? t.attempt.outcomes.flatMap((o) => o.evidence) : [])));
	return {
		finished: state.finished,
		passed: state.finished && critical.length === 0 && score >= passMark,
		passMark,
		score,
		tasks,
		prioritisation,
		timeliness,
		critical,
		byCompetency,
		results
	};
}

/** The competencies the shift shows most need work: below full marks, weakest share first, then the most points lost. */
export function practiseNext(summary: Pick<ShiftSummary, 'byCompetency'>, count = 3): { competency: string; earned: number; possible: number }[] {
	return summary.byCompetency
		.filter((c) => c.possible > 0 && c.earned < c.possible)
		.sort((a, b) => a.earned / a.possible - b.earned / b.possible || b.possible - b.earned - (a.possible - a.earned) || a.competency.localeCompare(b.competency))
		.slice(0, count);
}
