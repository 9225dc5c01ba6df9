/**
 * Finds a full-mark book for a schedule step by trying slots, task by task, with the real grader as
 * the judge; when it finds none, it names the first task that cannot be met and says why in an
 * author's words. The author check and the content check use it to refuse a task nobody can
 * complete (availability only on a holiday or on the provider's day off); the tests use it to prove
 * shipped steps solvable and to drive the browser through one. Pure, and bounded by a count of
 * grader calls rather than by the clock, so the same step always gets the same answer.
 */
import type { ContentError } from '../content/errors';
import type { Availability, ResolvedScheduleBlock, Scenario, ScheduleTask } from '../content/schema/scenario';
import { gradeSchedule } from './interactions/schedule';
import { applyActions, blocksOn, problemsOf, withinAvailability, type Appointment, type ScheduleAction } from '../office/schedule';
import { addDays, daysBetween, toClock, toMinutes, weekday } from '../office/time';
import { withArticle } from '../labels';

export interface ScheduleSolution {
	actions: ScheduleAction[];
	collected: Record<string, string>;
}

export type SolveResult =
	| ({ ok: true } & ScheduleSolution)
	| {
			ok: false;
			/** The first task no booking satisfies with full marks (absent when only the book as a whole fails). */
			task?: ScheduleTask;
			/** Why, in an author's words. */
			why: string;
			/** True when the task fails on its own and after every other task too; false when the search gave up or only the combination failed. */
			certain: boolean;
	  };

/** Grader calls the solver may make for one step: shipped steps need at most about 200; this is a few hundred milliseconds. */
export const SOLVER_BUDGET = 5_000;

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const plural = (d: string) => `${DAY_NAMES[d] ?? d}s`;
const windowText = (w: Availability) => `${w.days ? `${w.days.map((d) => DAY_NAMES[d] ?? d).join('/')} ` : ''}${w.from}–${w.to}`;

export function solveSchedule(block: ResolvedScheduleBlock, budget = SOLVER_BUDGET): SolveResult {
	const collected = Object.fromEntries(block.collect.map((f) => [f.id, f.expect.join(', ')]));
	const ctx = block.context;
	let calls = 0;
	const spent = () => calls >= budget;
	/** The grader's complaints about the closest candidate tried for each task: the fallback reason. */
	const closest = new Map<string, { lost: number; messages: string[] }>();
	const miss = (task: ScheduleTask, lost: number, messages: string[]) => {
		const best = closest.get(task.id);
		if (!best || lost < best.lost) closest.set(task.id, { lost, messages });
	};
	const taskOk = (task: ScheduleTask, candidate: ScheduleAction[]) => {
		calls++;
		try {
			const mine = gradeSchedule(block, applyActions(block, candidate), collected).filter((r) => r.task === task.id);
			const failed = mine.filter((r) => !r.ok);
			const lost = mine.reduce((n, r) => n + r.possible - r.earned, 0);
			if (failed.length) miss(task, lost, failed.map((r) => r.message));
			return failed.length === 0;
		} catch {
			return false;
		}
	};
	// Quarter hours first (the rows of the day grid), then the five-minute starts a short visit may need.
	const quarter = Array.from({ length: (19 - 7) * 4 }, (_, i) => 7 * 60 + i * 15);
	const fives = Array.from({ length: (19 - 7) * 12 }, (_, i) => 7 * 60 + i * 5).filter((m) => m % 15 !== 0);
	const times = [...quarter, ...fives];
	const allProviders = ctx.providers.map((p) => p.id);
	const nowMin = block.now === undefined ? undefined : toMinutes(block.now);
	const isPast = (date: string, start: number) => date < ctx.firstDay || (nowMin !== undefined && date === ctx.firstDay && start < nowMin);
	/** Only slots that could earn full marks are handed to the grader: the rest fail a rule that needs no book to see. */
	const dayAllowed = (task: ScheduleTask, date: string) => {
		const offset = daysBetween(ctx.firstDay, date);
		if (task.urgency === 'same-day' && offset !== 0) return false;
		if (task.urgency === 'soon' && offset > (task.withinDays ?? 3)) return false;
		return offset >= task.leadDays;
	};
	/** What is wrong with a visit there even on an empty book (template, day off, disruption, type, length): other visits only add problems. */
	const aloneProblems = (a: Appointment) => problemsOf({ appointments: [a], waitlist: [], added: [], log: [] }, a, block);

	function solveTask(task: ScheduleTask, actions: ScheduleAction[]): ScheduleAction[] | undefined {
		if (task.kind === 'cancel') return (task.appointments ?? []).map((id) => ({ op: 'cancel', id, reason: 'Patient called to cancel' }) as ScheduleAction);
		if (task.kind === 'no-show') return (task.appointments ?? []).map((id) => ({ op: 'no-show', id }) as ScheduleAction);
		if (task.kind === 'waitlist') return [{ op: 'waitlist-add', id: `w-${task.id}`, patient: task.patient!, type: task.types?.[0] ?? ctx.types[0]!.id, reason: 'No slot fits yet', wants: 'as soon as possible' }];
		if (task.kind === 'resolve') {
			let moves: ScheduleAction[] = [];
			for (const id of task.appointments ?? []) {
				const seed = block.appointments.find((a) => a.id === id);
				if (!seed) return undefined;
				const sameDay = task.sameDay.includes(id);
				const tryMoves = (): ScheduleAction[] | undefined => {
					for (const date of sameDay ? [seed.date ?? ctx.firstDay] : ctx.days)
						for (const provider of [seed.provider, ...allProviders.filter((p) => p !== seed.provider)])
							for (const start of times) {
								// Nobody can be moved into a time that has already passed.
								if (isPast(date, start) || spent()) continue;
								calls++;
								const move: ScheduleAction = { op: 'move', id, provider, date, start: toClock(start), reason: 'Provider unavailable; rebooked' };
								const book = applyActions(block, [...actions, ...moves, move]);
								const moved = book.appointments.find((a) => a.id === id)!;
								if (problemsOf(book, moved, block).every((p) => p.rule === 'length' || p.rule === 'new-established')) return [move];
							}
					return sameDay ? undefined : [{ op: 'cancel', id, reason: 'Provider unavailable; patient will be called to rebook' }];
				};
				const m = tryMoves();
				if (!m) return undefined;
				moves = [...moves, ...m];
			}
			return taskOk(task, [...actions, ...moves]) ? moves : undefined;
		}
		const waitEntries = block.waitlist.filter((w) => task.fromWaitlist?.includes(w.id));
		const candidates = task.patient
			? [{ patient: task.patient, fromWaitlist: undefined as string | undefined, type: undefined as string | undefined, entry: undefined as (typeof waitEntries)[number] | undefined }]
			: waitEntries.map((w) => ({ patient: w.patient, fromWaitlist: w.id, type: w.type, entry: w }));
		// A preferred provider earns full marks only with that provider; anyone else is partial credit.
		const providers = task.providers ?? (task.preferProvider ? [task.preferProvider] : allProviders);
		for (const who of candidates)
			for (const type of task.types ?? (who.type ? [who.type] : ctx.types.map((t) => t.id))) {
				const minutes = ctx.types.find((t) => t.id === type)?.minutes;
				if (minutes === undefined) continue;
				for (const date of ctx.days.filter((d) => dayAllowed(task, d)))
					for (const provider of who.entry?.provider ? providers.filter((p) => p === who.entry!.provider) : providers)
						for (const start of times) {
							if (spent()) return undefined;
							const probe: Appointment = { id: 'probe', patient: who.patient, provider, date, start, minutes, type, reason: 'probe', status: 'booked', origin: 'learner' };
							if (isPast(date, start) || !withinAvailability(probe, task.availability) || !withinAvailability(probe, who.entry?.availability ?? [])) continue;
							const alone = aloneProblems(probe);
							if (alone.length) {
								miss(task, alone.length, alone.map((p) => p.message));
								continue;
							}
							const act: ScheduleAction = {
								op: 'book', id: `s-${task.id}`, patient: who.patient, provider, date, start: toClock(start), type, minutes, reason: 'Requested visit',
								...(who.fromWaitlist ? { fromWaitlist: who.fromWaitlist } : {}),
								...(task.series ? { repeat: { count: task.series.count, everyDays: task.series.everyDays } } : {})
							};
							if (taskOk(task, [...actions, act])) return [act];
						}
			}
		return undefined;
	}

	/** Works the tasks in this order; the first one that fails, or the actions for all. */
	function greedy(order: ScheduleTask[]): { actions: ScheduleAction[]; failed?: ScheduleTask } {
		let actions: ScheduleAction[] = [];
		for (const task of order) {
			const found = solveTask(task, actions);
			if (!found) return { actions, failed: task };
			actions = [...actions, ...found];
		}
		return { actions };
	}
	const finish = (actions: ScheduleAction[]): SolveResult => {
		const failed = gradeSchedule(block, applyActions(block, actions), collected).filter((r) => !r.ok);
		return failed.length === 0 ? { ok: true, actions, collected } : { ok: false, why: `every task can be met, but the finished book still loses points: ${failed.map((r) => r.message).join(' ')}`, certain: false };
	};

	const first = greedy(block.tasks);
	if (!first.failed) return finish(first.actions);
	// The order may be to blame (an earlier booking took the only slot, or a cancellation frees one later): try the task first, then last.
	const t = first.failed;
	const others = block.tasks.filter((x) => x !== t);
	const alone = others.length ? greedy([t, ...others]) : first;
	if (!alone.failed) return finish(alone.actions);
	const after = others.length ? greedy([...others, t]) : first;
	if (!after.failed) return finish(after.actions);
	const certain = alone.failed === t && after.failed === t && !spent();
	if (spent()) return { ok: false, task: t, why: `the checker tried ${budget} book${budget === 1 ? '' : 's'} without finding one that earns full marks; a smaller book (fewer days) or looser limits would let it finish`, certain: false };
	if (!certain) return { ok: false, task: t, why: 'each task can be met, but the checker found no single book that meets them all: leave room for every task', certain: false };
	return { ok: false, task: t, why: explain(block, t) ?? closest.get(t.id)?.messages.join(' ') ?? 'no slot in the book satisfies every rule', certain: true };
}

/**
 * A plain reason a booking task has no full-mark slot, from the task's own limits and the clinic's
 * calendar: days the urgency, lead time or availability rule out, holidays, days off, hours.
 * Undefined when the limits leave slots open (the grader's complaints say the rest).
 */
export function explain(block: ResolvedScheduleBlock, task: ScheduleTask): string | undefined {
	if (task.kind !== 'book') return undefined;
	const ctx = block.context;
	const label = (d: string) => `${DAY_NAMES[weekday(d)]} ${d}`;
	const providerName = (id: string) => {
		const p = ctx.providers.find((x) => x.id === id);
		return p ? `${p.name}, ${p.credentials}` : id;
	};
	const avail = task.availability.length ? `the only availability given is ${task.availability.map(windowText).join(', ')}` : undefined;
	let days = ctx.days.filter((d) => {
		const offset = daysBetween(ctx.firstDay, d);
		if (task.urgency === 'same-day' && offset !== 0) return false;
		if (task.urgency === 'soon' && offset > (task.withinDays ?? 3)) return false;
		return offset >= task.leadDays;
	});
	if (!days.length) {
		const limit = task.urgency === 'same-day' ? 'it must be today' : task.urgency === 'soon' ? `it must be within ${task.withinDays ?? 3} days` : '';
		const lead = task.leadDays ? `it needs ${task.leadDays} days' lead time (no earlier than ${addDays(ctx.firstDay, task.leadDays)})` : '';
		return `${[limit, lead].filter(Boolean).join(' and ')}, but the book shows only ${ctx.days[0]} to ${ctx.days.at(-1)}`;
	}
	if (task.availability.length) {
		const matching = days.filter((d) => task.availability.some((w) => !w.days || w.days.includes(weekday(d) as never)));
		if (!matching.length) return `${avail}, and the days the book offers for it (${days.map(label).join(', ')}) include none of those`;
		days = matching;
	}
	const open = days.filter((d) => !ctx.closedDays.some((c) => c.date === d));
	if (!open.length)
		return `${days.map((d) => `${label(d)} is a clinic holiday (${ctx.closedDays.find((c) => c.date === d)!.reason})`).join('; ')}${avail ? `; ${avail}` : ''}`;
	const providers = task.providers ?? (task.preferProvider ? [task.preferProvider] : ctx.providers.map((p) => p.id));
	const working = providers.filter((p) => open.some((d) => blocksOn(ctx, p, d).length > 0));
	if (!working.length) {
		const weekdays = [...new Set(open.map((d) => weekday(d)))];
		const who = providers.length > 3 ? 'no provider' : providers.map(providerName).join(' or ');
		return `${who} ${providers.length === 1 ? 'does' : 'do'} not work ${weekdays.map(plural).join(' or ')}${avail ? `; ${avail}` : ''}`;
	}
	// Someone works: is there a block of a kind that takes the visit, inside the caller's times, long enough?
	const types = (task.types ?? ctx.types.map((t) => t.id)).map((id) => ctx.types.find((t) => t.id === id)).filter((t) => t !== undefined);
	const windowsOn = (d: string) => {
		const ws = task.availability.filter((w) => !w.days || w.days.includes(weekday(d) as never));
		return task.availability.length ? ws.map((w) => [toMinutes(w.from), toMinutes(w.to)] as const) : [[0, 24 * 60] as const];
	};
	const room = types.some((type) =>
		working.some((p) =>
			open.some((d) =>
				blocksOn(ctx, p, d).some(
					(b) => type.blocks.includes(b.kind) && windowsOn(d).some(([from, to]) => Math.min(to, toMinutes(b.end)) - Math.max(from, toMinutes(b.start)) >= type.minutes)
				)
			)
		)
	);
	if (!room) {
		const kinds = [...new Set(types.flatMap((t) => t.blocks))].join(' or ');
		return `${working.map(providerName).join(' or ')} ${working.length === 1 ? 'has' : 'have'} no ${kinds} time long enough for ${types.map((t) => withArticle(`${t.name} (${t.minutes} min)`)).join(' or ')}${avail ? ` where ${avail.replace('the only availability given is ', 'the patient can come: ')}` : ' on the days allowed'}`;
	}
	return undefined;
}

/** What a task asks for, as the message's subject. */
const subject = (stepId: string, t: ScheduleTask) => `step "${stepId}": task "${t.id}" (“${t.ask.trim().replace(/\s+/g, ' ').slice(0, 120)}”)`;
const verb = (t: ScheduleTask) => (t.kind === 'book' ? 'has no booking that earns full marks' : t.kind === 'resolve' ? 'has no move or cancellation that earns full marks' : 'cannot earn full marks');

/**
 * Every schedule step of a scenario, solved: an error on the task's line for a task nobody can
 * complete, a warning when the checker could not decide (its budget ran out, or the tasks only
 * fail together).
 */
export function scheduleSolvability(scenario: Scenario, budget = SOLVER_BUDGET): { errors: ContentError[]; warnings: { line: number; message: string }[] } {
	const errors: ContentError[] = [];
	const warnings: { line: number; message: string }[] = [];
	for (const id of scenario.stepOrder) {
		const it = scenario.steps[id]?.interaction;
		if (it?.kind !== 'schedule') continue;
		const r = solveSchedule(it.block, budget);
		if (r.ok) continue;
		const i = r.task ? it.block.tasks.indexOf(r.task) : -1;
		const line = (i >= 0 ? it.optionLines?.[i] : undefined) ?? it.line;
		if (r.certain && r.task) errors.push({ file: scenario.file, line, message: `${subject(id, r.task)} ${verb(r.task)} (${r.why})` });
		else warnings.push({ line, message: `${r.task ? subject(id, r.task) : `step "${id}"`}: the checker could not prove a full-mark book exists: ${r.why}` });
	}
	return { errors, warnings };
}
