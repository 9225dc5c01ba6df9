import type { ResolvedScheduleBlock, ScheduleTask } from '../../src/lib/content/schema/scenario';
import { gradeSchedule } from '../../src/lib/engine/interactions/schedule';
import { applyActions, problemsOf, type ScheduleAction } from '../../src/lib/office/schedule';
import { addDays, toClock } from '../../src/lib/office/time';

/**
 * Finds a full-mark solution to a schedule step by trying slots in order, task by task, with the
 * real grader as the judge. Used by tests to prove shipped steps are solvable and to drive the
 * browser through one; it is not part of the app.
 */
export function solveSchedule(block: ResolvedScheduleBlock): { actions: ScheduleAction[]; collected: Record<string, string> } | undefined {
	const collected = Object.fromEntries(block.collect.map((f) => [f.id, f.expect.join(', ')]));
	let actions: ScheduleAction[] = [];
	const taskOk = (task: ScheduleTask, candidate: ScheduleAction[]) => {
		try {
			return gradeSchedule(block, applyActions(block, candidate), collected).filter((r) => r.task === task.id).every((r) => r.ok);
		} catch {
			return false;
		}
	};
	const ctx = block.context;
	// Quarter hours first (the rows of the day grid), then the five-minute starts a short visit may need.
	const quarter = Array.from({ length: (19 - 7) * 4 }, (_, i) => 7 * 60 + i * 15);
	const fives = Array.from({ length: (19 - 7) * 12 }, (_, i) => 7 * 60 + i * 5).filter((m) => m % 15 !== 0);
	const times = [...quarter, ...fives].map(toClock);
	const days = [...ctx.days, ...Array.from({ length: 14 }, (_, i) => addDays(ctx.days.at(-1)!, i + 1))].slice(0, ctx.days.length);
	const providersFor = (task: ScheduleTask) => (task.providers ?? (task.preferProvider ? [task.preferProvider, ...ctx.providers.map((p) => p.id)] : ctx.providers.map((p) => p.id)));

	for (const task of block.tasks) {
		let found: ScheduleAction[] | undefined;
		if (task.kind === 'cancel') found = (task.appointments ?? []).map((id) => ({ op: 'cancel', id, reason: 'Patient called to cancel' }) as ScheduleAction);
		else if (task.kind === 'no-show') found = (task.appointments ?? []).map((id) => ({ op: 'no-show', id }) as ScheduleAction);
		else if (task.kind === 'waitlist') found = [{ op: 'waitlist-add', id: `w-${task.id}`, patient: task.patient!, type: task.types?.[0] ?? block.context.types[0]!.id, reason: 'No slot fits yet', wants: 'as soon as possible' }];
		else if (task.kind === 'resolve') {
			let moves: ScheduleAction[] = [];
			for (const id of task.appointments ?? []) {
				const seed = block.appointments.find((a) => a.id === id)!;
				const sameDay = task.sameDay.includes(id);
				const tryMoves = (): ScheduleAction[] | undefined => {
					for (const date of sameDay ? [seed.date ?? ctx.firstDay] : days)
						for (const provider of [seed.provider, ...ctx.providers.map((p) => p.id).filter((p) => p !== seed.provider)])
							for (const start of times) {
								// Nobody can be moved into a time that has already passed.
								if (block.now !== undefined && date === ctx.firstDay && start < block.now) continue;
								const move: ScheduleAction = { op: 'move', id, provider, date, start, reason: 'Provider unavailable; rebooked' };
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
			found = taskOk(task, [...actions, ...moves]) ? moves : undefined;
		} else {
			const waitEntries = block.waitlist.filter((w) => task.fromWaitlist?.includes(w.id));
			const candidates = task.patient ? [{ patient: task.patient, fromWaitlist: undefined as string | undefined, type: undefined as string | undefined }] : waitEntries.map((w) => ({ patient: w.patient, fromWaitlist: w.id, type: w.type }));
			search: for (const who of candidates)
				for (const type of task.types ?? (who.type ? [who.type] : ctx.types.map((t) => t.id)))
					for (const date of days)
						for (const provider of providersFor(task))
							for (const start of times) {
								const minutes = ctx.types.find((t) => t.id === type)!.minutes;
								const act: ScheduleAction = {
									op: 'book', id: `s-${task.id}`, patient: who.patient, provider, date, start, type, minutes, reason: 'Requested visit',
									...(who.fromWaitlist ? { fromWaitlist: who.fromWaitlist } : {}),
									...(task.series ? { repeat: { count: task.series.count, everyDays: task.series.everyDays } } : {})
								};
								if (taskOk(task, [...actions, act])) {
									found = [act];
									break search;
								}
							}
		}
		if (!found) {
			if (process.env.SOLVER_DEBUG) console.log('no solution for task', task.id);
			return undefined;
		}
		actions = [...actions, ...found];
	}
	const all = gradeSchedule(block, applyActions(block, actions), collected);
	if (process.env.SOLVER_DEBUG) console.log(all.filter((r) => !r.ok), actions);
	return all.every((r) => r.ok) ? { actions, collected } : undefined;
}
