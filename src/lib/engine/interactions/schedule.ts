import type { ScheduleTask } from '../../content/schema/scenario';
import {
	applyActions,
	isActive,
	problemsOf,
	withinAvailability,
	ScheduleActionError,
	type Appointment,
	type Book,
	type ResolvedScheduleBlock
} from '../../office/schedule';
import { addDays, daysBetween, toMinutes, toSpoken } from '../../office/time';
import type { Evidence, RuleResult } from '../types';
import type { Grader } from './grader';
import { own, verdictOf } from './grader';
import { withArticle } from '../../labels';

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Grades the book the learner leaves, against rules rather than an answer key: any booking that
 * fits the template, the method, the rooms, the type, the urgency and the patient's limits earns
 * full marks, wherever it sits.
 */
export function gradeSchedule(block: ResolvedScheduleBlock, book: Book, collected: Readonly<Record<string, string>>): RuleResult[] {
	const ctx = block.context;
	const sc = block.scoring;
	const results: RuleResult[] = [];
	const rule = (task: string | undefined, id: string, ok: boolean, competency: string, message: string, earned = ok ? 1 : 0, possible = 1) =>
		results.push({ task, rule: id, ok, earned, possible, competency, message });
	/** The last rule broken is a mistake a real desk cannot absorb: it fails the scenario. */
	const serious = (critical: string) => {
		results[results.length - 1]!.critical = critical;
	};
	const nowMin = block.now === undefined ? undefined : toMinutes(block.now);
	/** Before the scenario's "now": a slot nobody can be seen in any more. */
	const isPast = (a: Appointment) => a.date < ctx.firstDay || (nowMin !== undefined && a.date === ctx.firstDay && a.start < nowMin);
	const checkPast = (task: string, a: Appointment, who: string) => {
		if (isPast(a)) {
			rule(task, 'past', false, sc.timing, `${when(a)} has already passed${nowMin !== undefined ? `: it is ${toSpoken(nowMin)} on ${ctx.firstDay}` : ''}.`);
			serious(`Booked ${who} at ${when(a)}, a time that had already passed.`);
		} else if (nowMin !== undefined) rule(task, 'past', true, sc.timing, `${when(a)} is still ahead of the clock.`);
	};
	const name = (id: string) => ctx.patients.find((p) => p.id === id)?.name ?? id;
	const when = (a: Appointment) => `${a.date} ${toSpoken(a.start)}`;
	const claimed = new Set<string>();

	for (const task of block.tasks) {
		if (task.kind === 'book') gradeBooking(task);
		else if (task.kind === 'waitlist') gradeWaitlist(task);
		else gradeExisting(task);
	}

	function gradeWaitlist(task: ScheduleTask) {
		const entry = book.added.find((w) => w.patient === task.patient);
		const who = name(task.patient!);
		rule(task.id, 'waitlist', !!entry, sc.integrity, entry ? `${who} is on the waitlist.` : `${who} should be on the waitlist, so the next opening that fits reaches them.`, entry ? 2 : 0, 2);
		if (entry && task.types) {
			const ok = task.types.includes(entry.type);
			rule(task.id, 'type', ok, sc.type, ok ? 'The waitlist entry has the right visit type.' : `The waitlist entry needs the visit type ${task.types.join(' or ')}, so the slot offered is long enough.`);
		}
		const booked = book.appointments.some((a) => a.origin === 'learner' && isActive(a) && a.patient === task.patient);
		if (booked && task.critical === undefined) rule(task.id, 'count', false, sc.integrity, `${who} was also booked; the waitlist is for when no slot fits.`);
	}

	function gradeBooking(task: ScheduleTask) {
		const waitPatients = new Set(block.waitlist.filter((w) => task.fromWaitlist?.includes(w.id)).map((w) => w.patient));
		const expected = task.series?.count ?? 1;
		const candidates = book.appointments.filter(
			(a) => a.origin === 'learner' && isActive(a) && !claimed.has(a.id) && (task.patient ? a.patient === task.patient : waitPatients.has(a.patient))
		);
		// A named patient's task owns all their new bookings (so duplicates show); a waitlist task takes one slot's worth.
		const mine = task.patient ? candidates : candidates.filter((a, i, all) => all.findIndex((b) => b.patient === a.patient) === i).slice(0, expected);
		mine.forEach((a) => claimed.add(a.id));
		const who = task.patient ? name(task.patient) : mine[0] ? `${name(mine[0].patient)} (from the waitlist)` : 'a patient from the waitlist';
		if (mine.length === 0) {
			rule(task.id, 'booked', false, sc.timing, `${who} was not booked: ${task.ask}`, 0, 3);
			return;
		}
		rule(task.id, 'booked', true, sc.timing, `${who} is booked (${mine.map(when).join(', ')}).`, 3, 3);
		rule(task.id, 'count', mine.length === expected, sc.integrity, mine.length === expected ? `${expected === 1 ? 'One appointment' : `${expected} visits`}, no duplicates.` : `${who} has ${mine.length} new appointment${mine.length === 1 ? '' : 's'}; the request was for ${expected}. Duplicates hold slots other patients need.`);

		for (const a of mine) {
			const problems = problemsOf(book, a, block);
			const fit = problems.filter((p) => p.rule === 'template' || p.rule === 'overlap' || p.rule === 'room' || p.rule === 'disruption');
			rule(task.id, 'fit', fit.length === 0, sc.fit, fit.length ? fit.map((p) => p.message).join(' ') : `${when(a)} fits the provider's template, the scheduling method and the rooms.`);
			if (fit.some((p) => p.rule === 'overlap')) serious(`Booked ${name(a.patient)} at ${when(a)} on top of another patient's visit.`);
			checkPast(task.id, a, name(a.patient));
			const typeOk = !task.types || task.types.includes(a.type);
			const typeName = ctx.types.find((t) => t.id === a.type)?.name ?? a.type;
			const wanted = (task.types ?? []).map((t) => ctx.types.find((x) => x.id === t)?.name ?? t).join(' or ');
			const ne = problems.find((p) => p.rule === 'new-established');
			rule(task.id, 'type', typeOk && !ne, sc.type, ne ? ne.message : typeOk ? `${typeName} is the right visit type.` : `${typeName} does not fit this request; it needs ${withArticle(wanted)}.`);
			const len = problems.find((p) => p.rule === 'length');
			rule(task.id, 'length', !len, sc.type, len ? len.message : `${a.minutes} minutes is the right length.`);
			// A waitlist entry carries the patient's own limits: honour them like a caller's.
			const entry = block.waitlist.find((w) => w.patient === a.patient && (a.fromWaitlist === w.id || task.fromWaitlist?.includes(w.id)));
			if (entry?.availability.length) {
				const ok = withinAvailability(a, entry.availability);
				rule(task.id, 'availability', ok, sc.timing, ok ? `${when(a)} is within the times ${name(a.patient)} gave for the waitlist.` : `${name(a.patient)} can only come ${entry.availability.map((w) => `${w.days ? `${w.days.join('/')} ` : ''}${w.from}–${w.to}`).join(', ')}; ${when(a)} does not fit.`);
			}
			if (entry?.provider) {
				const ok = a.provider === entry.provider;
				const pref = ctx.providers.find((x) => x.id === entry.provider)?.name ?? entry.provider;
				rule(task.id, 'provider', ok, sc.timing, ok ? `With ${pref}, as ${name(a.patient)} asked.` : `${name(a.patient)} is waiting for ${pref}; a slot with someone else is a second choice.`, ok ? 2 : 1, 2);
			}
			if (entry && task.types === undefined) {
				const ok = a.type === entry.type;
				rule(task.id, 'type', ok, sc.type, ok ? 'The visit type the waitlist entry asked for.' : `${name(a.patient)} is waiting for ${withArticle(ctx.types.find((t) => t.id === entry.type)?.name ?? entry.type)}, not ${withArticle(ctx.types.find((t) => t.id === a.type)?.name ?? a.type)}.`);
			}
			if (task.availability.length) {
				const ok = withinAvailability(a, task.availability);
				rule(task.id, 'availability', ok, sc.timing, ok ? `${when(a)} is within the times ${who} gave.` : `${when(a)} is outside the times ${who} gave: ${task.availability.map((w) => `${w.days ? `${w.days.join('/')} ` : ''}${w.from}–${w.to}`).join(', ')}.`);
			}
			const offset = daysBetween(ctx.firstDay, a.date);
			if (task.urgency === 'same-day') rule(task.id, 'urgency', offset === 0, sc.timing, offset === 0 ? 'Seen today, as the urgency needs.' : `This needed a same-day visit, but it is booked ${offset} day${offset === 1 ? '' : 's'} out.`);
			else if (task.urgency === 'soon') {
				const within = task.withinDays ?? 3;
				rule(task.id, "urgency", offset <= within, sc.timing, offset <= within ? `Within ${within} day${within === 1 ? "" : "s"}, as needed.` : `This needed a visit within ${within} day${within === 1 ? "" : "s"}; it is ${offset} days out.`);
			}
			if (task.leadDays > 0) {
				const earliest = addDays(ctx.firstDay, task.leadDays);
				rule(task.id, 'lead', offset >= task.leadDays, sc.timing, offset >= task.leadDays ? 'Leaves the lead time the preparation needs.' : `Too soon: the preparation needs ${task.leadDays} day${task.leadDays === 1 ? '' : 's'}, so no earlier than ${earliest}.`);
			}
			if (task.providers) {
				const ok = task.providers.includes(a.provider);
				rule(task.id, 'provider', ok, sc.timing, ok ? 'With a provider who can take this visit.' : `This visit has to be with ${task.providers.map((p) => ctx.providers.find((x) => x.id === p)?.name ?? p).join(' or ')}.`);
				if (!ok) serious(`Booked ${who} with a provider who cannot take this visit.`);
			} else if (task.preferProvider) {
				const ok = a.provider === task.preferProvider;
				const pref = ctx.providers.find((x) => x.id === task.preferProvider)?.name ?? task.preferProvider;
				rule(task.id, 'provider', ok, sc.timing, ok ? `With ${pref}, as ${who} asked.` : `${who} asked for ${pref}; another provider is acceptable only when ${pref} has nothing that fits.`, ok ? 2 : 1, 2);
			}
		}
		if (task.series && mine.length > 1) {
			const dates = mine.map((a) => a.date).sort();
			const gaps = dates.slice(1).map((d, i) => daysBetween(dates[i]!, d));
			const ok = gaps.every((g) => Math.abs(g - task.series!.everyDays) <= task.series!.toleranceDays);
			rule(task.id, 'series', ok, sc.timing, ok ? `Visits every ${task.series.everyDays} days, as ordered.` : `The visits are ${gaps.join(', ')} days apart; the order is every ${task.series.everyDays} days${task.series.toleranceDays ? ` (± ${task.series.toleranceDays})` : ''}.`);
		}
	}

	function gradeExisting(task: ScheduleTask) {
		for (const id of task.appointments ?? []) {
			const a = book.appointments.find((x) => x.id === id);
			if (!a) continue;
			claimed.add(id);
			const who = name(a.patient);
			if (task.kind === 'cancel') rule(task.id, 'cancel', a.status === 'cancelled', sc.integrity, a.status === 'cancelled' ? `${who}'s visit is cancelled, with the reason recorded.` : `${who}'s appointment should be cancelled; it is ${a.status}.`);
			else if (task.kind === 'no-show') rule(task.id, 'no-show', a.status === 'no-show', sc.integrity, a.status === 'no-show' ? `${who} is recorded as a no-show.` : `${who} did not come and did not call: the appointment should be marked no-show (it is ${a.status}).`);
			else {
				const mustStay = task.sameDay.includes(id);
				const seed = block.appointments.find((s) => s.id === id)!;
				const fit = isActive(a) ? problemsOf(book, a, block).filter((p) => p.rule !== 'length' && p.rule !== 'new-established') : [];
				if (a.status === 'cancelled') {
					rule(task.id, 'resolve', !mustStay, sc.integrity, mustStay ? `${who} (${seed.reason}) needed to be seen today, not cancelled.` : `${who}'s visit is cancelled with a reason, to be rebooked.`);
				} else if (isActive(a)) {
					const moved = a.movedFrom !== undefined;
					const sameDay = a.date === ctx.firstDay;
					const ok = fit.length === 0 && (!mustStay || sameDay);
					rule(task.id, 'resolve', ok, sc.integrity, ok ? `${who} ${moved ? `is moved to ${when(a)}` : 'keeps a workable slot'}.` : `${who}: ${[...fit.map((p) => p.message), mustStay && !sameDay ? `(${seed.reason}) needed to be seen today.` : ''].filter(Boolean).join(' ') || 'the appointment still has a problem.'}`);
					if (moved && fit.some((p) => p.rule === 'overlap')) serious(`Moved ${who} to ${when(a)}, on top of another patient's visit.`);
					if (moved) checkPast(task.id, a, who);
					if (mustStay) rule(task.id, 'urgency', sameDay, sc.timing, sameDay ? `${who} is still seen today.` : `${who} was moved off today, but the reason (${seed.reason}) cannot wait.`);
				} else {
					rule(task.id, 'resolve', false, sc.integrity, `${who}'s appointment was marked ${a.status}; it should have been moved or cancelled.`);
				}
			}
		}
	}

	// Side effects: appointments no task concerns must be as they were; no bookings nobody asked for.
	const seedById = new Map(block.appointments.map((s) => [s.id, s]));
	const disturbed = book.appointments.filter((a) => a.origin === 'seed' && !claimed.has(a.id) && (a.status !== (seedById.get(a.id)?.status ?? 'booked') || a.movedFrom));
	rule(undefined, 'untouched', disturbed.length === 0, sc.integrity, disturbed.length === 0 ? 'Nothing else on the book was disturbed.' : `Changed without being asked: ${disturbed.map((a) => `${name(a.patient)} (${a.status === 'cancelled' ? 'cancelled' : a.movedFrom ? 'moved' : a.status})`).join(', ')}. Every change to another patient's visit means a call to that patient.`);
	// A patient moved where they do not fit (lunch, a day off, on top of someone) is graded like a booking there.
	for (const a of disturbed.filter((x) => isActive(x) && x.movedFrom)) {
		const fit = problemsOf(book, a, block).filter((p) => p.rule === 'template' || p.rule === 'overlap' || p.rule === 'room' || p.rule === 'disruption');
		if (!fit.length) continue;
		rule(undefined, 'fit', false, sc.fit, `${name(a.patient)} moved to ${when(a)}: ${fit.map((p) => p.message).join(' ')}`);
		if (fit.some((p) => p.rule === 'overlap')) serious(`Moved ${name(a.patient)} to ${when(a)}, on top of another patient's visit.`);
	}
	const stray = book.appointments.filter((a) => a.origin === 'learner' && isActive(a) && !claimed.has(a.id));
	if (stray.length) rule(undefined, 'stray', false, sc.integrity, `Booked without a request: ${stray.map((a) => `${name(a.patient)} ${when(a)}`).join(', ')}.`);

	for (const f of block.collect) {
		const given = norm(own(collected, f.id) ?? '');
		const ok = f.expect.every((e) => given.includes(norm(e)));
		rule(undefined, `collect:${f.id}`, ok, f.competency, ok ? `${f.label}: recorded.` : `${f.label}: ${given ? 'incomplete or wrong' : 'not recorded'}. ${f.feedback}`);
	}
	return results;
}

export const schedule: Grader<'schedule'> = {
	choices: () => [],
	check(block, input) {
		if (input.kind !== 'schedule') return `expected schedule work, got ${input.kind}`;
		if (!Array.isArray(input.actions)) return 'actions must be a list';
		if (typeof input.collected !== 'object' || input.collected === null) return 'collected must be an object';
		try {
			applyActions(block as ResolvedScheduleBlock, input.actions);
		} catch (e) {
			if (e instanceof ScheduleActionError) return e.message;
			throw e;
		}
	},
	grade(block, input) {
		const b = block as ResolvedScheduleBlock;
		const book = applyActions(b, input.kind === 'schedule' ? input.actions : []);
		const rules = gradeSchedule(b, book, input.kind === 'schedule' ? input.collected : {});
		const by = new Map<string, Evidence>();
		for (const r of rules) {
			const e = by.get(r.competency) ?? { competency: r.competency, earned: 0, possible: 0 };
			e.earned += r.earned;
			e.possible += r.possible;
			by.set(r.competency, e);
		}
		const earned = rules.reduce((n, r) => n + r.earned, 0);
		const possible = rules.reduce((n, r) => n + r.possible, 0);
		const failedTasks = new Set(rules.filter((r) => !r.ok && r.task).map((r) => r.task!));
		const critical =
			b.tasks.find((t) => t.critical && failedTasks.has(t.id) && rules.some((r) => r.task === t.id && !r.ok && (r.rule === 'booked' || r.rule === 'urgency' || r.rule === 'resolve')))?.critical ??
			rules.find((r) => r.critical)?.critical;
		const failedRules = new Set(rules.filter((r) => !r.ok).map((r) => r.rule));
		const lessons = Object.entries(b.lessons ?? {}).filter(([rule]) => failedRules.has(rule)).map(([, text]) => text!);
		// The same teaching may be a task's and a rule's: say it once.
		const teach = [...new Set([...b.tasks.filter((t) => t.teach && failedTasks.has(t.id)).map((t) => t.teach!), ...lessons])];
		return {
			feedback: [...rules.filter((r) => !r.ok).map((r) => r.message), ...teach],
			next: b.next,
			evidence: [...by.values()],
			critical,
			marks: { kind: 'schedule', rules, log: book.log },
			verdict: critical ? 'wrong' : verdictOf(earned, possible)
		};
	}
};
