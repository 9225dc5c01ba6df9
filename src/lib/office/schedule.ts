import type { BlockKind } from '../content/schema/office';
import type { Availability, ResolvedScheduleBlock, ScheduleContext, SeedAppointment } from '../content/schema/scenario';

export type { ResolvedScheduleBlock, ScheduleContext } from '../content/schema/scenario';
import { addDays, toClock, toMinutes, toSpoken, weekday } from './time';
import { withArticle } from '../labels';

export type AppointmentStatus = 'booked' | 'checked-in' | 'no-show' | 'cancelled';

export interface Appointment {
	id: string;
	patient: string;
	provider: string;
	date: string;
	/** Minutes from midnight. */
	start: number;
	minutes: number;
	type: string;
	reason: string;
	status: AppointmentStatus;
	/** Seed appointments were on the book; the learner made the others. */
	origin: 'seed' | 'learner';
	fromWaitlist?: string;
	/** Where a moved appointment was first. */
	movedFrom?: { provider: string; date: string; start: number };
	cancelReason?: string;
}

/** What the learner does to the book. Plain JSON: stored and replayed like every other input. `by` names who did it. */
export type ScheduleAction = (
	| { op: 'book'; id: string; patient: string; provider: string; date: string; start: string; type: string; minutes: number; reason: string; fromWaitlist?: string; repeat?: { count: number; everyDays: number } }
	| { op: 'move'; id: string; provider: string; date: string; start: string; reason: string }
	| { op: 'cancel'; id: string; reason: string }
	| { op: 'no-show'; id: string }
	| { op: 'waitlist-add'; id: string; patient: string; type: string; reason: string; wants: string }
) & { by?: string };

/** Someone the learner put on the waitlist, with what they need and when they can come. */
export interface WaitlistAddition {
	id: string;
	patient: string;
	type: string;
	reason: string;
	wants: string;
}

export interface Book {
	appointments: Appointment[];
	/** Waitlist entries not yet booked. */
	waitlist: string[];
	/** Entries the learner added to the waitlist. */
	added: WaitlistAddition[];
	/** A human-readable record of every action, like a practice-management audit trail. */
	log: string[];
}

export const isActive = (a: Appointment) => a.status === 'booked' || a.status === 'checked-in';

export function seedBook(block: ResolvedScheduleBlock): Book {
	return {
		appointments: block.appointments.map((s) => fromSeed(s, block)),
		waitlist: block.waitlist.map((w) => w.id),
		added: [],
		log: []
	};
}

function fromSeed(s: SeedAppointment, block: ResolvedScheduleBlock): Appointment {
	const type = block.context.types.find((t) => t.id === s.type);
	return {
		id: s.id,
		patient: s.patient,
		provider: s.provider,
		date: s.date ?? block.context.firstDay,
		start: toMinutes(s.start),
		minutes: s.minutes ?? type?.minutes ?? 15,
		type: s.type,
		reason: s.reason,
		status: s.status,
		origin: 'seed'
	};
}

export class ScheduleActionError extends Error {
	override name = 'ScheduleActionError';
}

const nameOf = (ctx: ScheduleContext, id: string) => ctx.patients.find((p) => p.id === id)?.name ?? id;
const providerName = (ctx: ScheduleContext, id: string) => {
	const p = ctx.providers.find((x) => x.id === id);
	return p ? `${p.name}, ${p.credentials}` : id;
};

/** Applies one action; throws ScheduleActionError naming what is wrong with it. Pure. */
export function applyAction(book: Book, action: ScheduleAction, block: ResolvedScheduleBlock): Book {
	const ctx = block.context;
	const find = (id: string) => {
		const a = book.appointments.find((x) => x.id === id);
		if (!a) throw new ScheduleActionError(`no appointment "${id}" on the book`);
		return a;
	};
	const checkSlot = (provider: string, date: string, start: string) => {
		if (!ctx.providers.some((p) => p.id === provider)) throw new ScheduleActionError(`unknown provider "${provider}"`);
		if (!ctx.days.includes(date)) throw new ScheduleActionError(`${date} is not a day in this book`);
		if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(start)) throw new ScheduleActionError(`"${start}" is not a time`);
	};
	const reasonOf = (r: unknown) => {
		if (typeof r !== 'string' || r.trim().length < 3) throw new ScheduleActionError('every action needs a reason');
		return r.trim().slice(0, 300);
	};
	// The audit trail says who did what, like a practice-management system.
	const by = typeof action.by === 'string' && action.by.trim() ? ` (by ${action.by.trim().slice(0, 60)})` : '';
	const logged = (b: Book, line: string): Book => ({ ...b, log: [...book.log, `${line}${by}`] });

	switch (action.op) {
		case 'book': {
			checkSlot(action.provider, action.date, action.start);
			if (!ctx.patients.some((p) => p.id === action.patient)) throw new ScheduleActionError(`unknown patient "${action.patient}"`);
			if (!ctx.types.some((t) => t.id === action.type)) throw new ScheduleActionError(`unknown appointment type "${action.type}"`);
			if (!Number.isInteger(action.minutes) || action.minutes < 5 || action.minutes > 240) throw new ScheduleActionError('the length must be 5 to 240 minutes');
			if (action.fromWaitlist !== undefined && !book.waitlist.includes(action.fromWaitlist)) throw new ScheduleActionError(`"${action.fromWaitlist}" is not on the waitlist`);
			const reason = reasonOf(action.reason);
			const count = action.repeat?.count ?? 1;
			const every = action.repeat?.everyDays ?? 0;
			if (count < 1 || count > 12 || (count > 1 && every < 1)) throw new ScheduleActionError('a series is 2 to 12 visits at least a day apart');
			const made: Appointment[] = [];
			for (let k = 0; k < count; k++) {
				const id = count === 1 ? action.id : `${action.id}-${k + 1}`;
				if (book.appointments.some((a) => a.id === id)) throw new ScheduleActionError(`appointment id "${id}" is already used`);
				made.push({
					id,
					patient: action.patient,
					provider: action.provider,
					// Series visits beyond the book's days are kept: the grader checks their spacing and template.
					date: addDays(action.date, k * every),
					start: toMinutes(action.start),
					minutes: action.minutes,
					type: action.type,
					reason,
					status: 'booked',
					origin: 'learner',
					fromWaitlist: action.fromWaitlist
				});
			}
			const what = `${count > 1 ? `${count} visits every ${every} days from` : ''} ${action.date} ${toSpoken(toMinutes(action.start))}`.trim();
			return {
				...book,
				appointments: [...book.appointments, ...made],
				waitlist: action.fromWaitlist ? book.waitlist.filter((w) => w !== action.fromWaitlist) : book.waitlist,
				log: [...book.log, `Booked ${nameOf(ctx, action.patient)} with ${providerName(ctx, action.provider)}, ${what}, ${action.minutes} min: ${reason}${by}`]
			};
		}
		case 'move': {
			const a = find(action.id);
			if (!isActive(a)) throw new ScheduleActionError(`${nameOf(ctx, a.patient)}'s appointment is ${a.status}; only a booked appointment can be moved`);
			checkSlot(action.provider, action.date, action.start);
			const reason = reasonOf(action.reason);
			const moved: Appointment = { ...a, provider: action.provider, date: action.date, start: toMinutes(action.start), movedFrom: a.movedFrom ?? { provider: a.provider, date: a.date, start: a.start } };
			return {
				...book,
				appointments: book.appointments.map((x) => (x.id === a.id ? moved : x)),
				log: [...book.log, `Moved ${nameOf(ctx, a.patient)} to ${providerName(ctx, action.provider)}, ${action.date} ${toSpoken(moved.start)}: ${reason}${by}`]
			};
		}
		case 'cancel': {
			const a = find(action.id);
			if (!isActive(a)) throw new ScheduleActionError(`${nameOf(ctx, a.patient)}'s appointment is already ${a.status}`);
			const reason = reasonOf(action.reason);
			return {
				...book,
				appointments: book.appointments.map((x) => (x.id === a.id ? { ...x, status: 'cancelled' as const, cancelReason: reason } : x)),
				log: [...book.log, `Cancelled ${nameOf(ctx, a.patient)} (${a.date} ${toSpoken(a.start)}): ${reason}${by}`]
			};
		}
		case 'no-show': {
			const a = find(action.id);
			if (a.status !== 'booked') throw new ScheduleActionError(`${nameOf(ctx, a.patient)}'s appointment is ${a.status}; only a booked appointment can be a no-show`);
			return {
				...book,
				appointments: book.appointments.map((x) => (x.id === a.id ? { ...x, status: 'no-show' as const } : x)),
				log: [...book.log, `Marked ${nameOf(ctx, a.patient)} (${a.date} ${toSpoken(a.start)}) as a no-show${by}`]
			};
		}
		case 'waitlist-add': {
			if (!ctx.patients.some((p) => p.id === action.patient)) throw new ScheduleActionError(`unknown patient "${action.patient}"`);
			if (!ctx.types.some((t) => t.id === action.type)) throw new ScheduleActionError(`unknown appointment type "${action.type}"`);
			if ([...block.waitlist.map((w) => w.id), ...book.added.map((w) => w.id)].includes(action.id)) throw new ScheduleActionError(`waitlist id "${action.id}" is already used`);
			const reason = reasonOf(action.reason);
			const wants = typeof action.wants === 'string' ? action.wants.trim().slice(0, 300) : '';
			return logged(
				{ ...book, added: [...book.added, { id: action.id, patient: action.patient, type: action.type, reason, wants }] },
				`Added ${nameOf(ctx, action.patient)} to the waitlist: ${reason}${wants ? `; can come ${wants}` : ''}`
			);
		}
		default:
			throw new ScheduleActionError('unknown schedule action');
	}
}

export function applyActions(block: ResolvedScheduleBlock, actions: readonly ScheduleAction[]): Book {
	return actions.reduce((b, a) => applyAction(b, a, block), seedBook(block));
}

// ---- Rules of the book: shared by the grader and by the book's conflict display ----

export interface Problem {
	appointment: string;
	rule: 'template' | 'overlap' | 'room' | 'disruption' | 'length' | 'new-established';
	message: string;
}

/** The template blocks a provider works on a date (empty on a day off). */
export function blocksOn(ctx: ScheduleContext, provider: string, date: string) {
	if (ctx.closedDays.some((d) => d.date === date)) return [];
	return ctx.providers.find((p) => p.id === provider)?.template[weekday(date) as 'mon'] ?? [];
}

export function blockKindAt(ctx: ScheduleContext, provider: string, date: string, minute: number): BlockKind | 'closed' {
	const b = blocksOn(ctx, provider, date).find((x) => toMinutes(x.start) <= minute && minute < toMinutes(x.end));
	return b?.kind ?? 'closed';
}

const overlaps = (a: { start: number; minutes: number }, b: { start: number; minutes: number }) => a.start < b.start + b.minutes && b.start < a.start + a.minutes;

/** Every problem with one appointment as the book stands. */
export function problemsOf(book: Book, a: Appointment, block: ResolvedScheduleBlock): Problem[] {
	const ctx = block.context;
	const out: Problem[] = [];
	if (!isActive(a)) return out;
	const type = ctx.types.find((t) => t.id === a.type);
	const pname = providerName(ctx, a.provider);
	const when = `${toSpoken(a.start)}–${toSpoken(a.start + a.minutes)}`;
	// Each message names whose visit it is about: it is read in lists of several patients' problems.
	const visit = `${nameOf(ctx, a.patient)}'s ${when} visit`;

	// Template: every minute inside a block that takes this type.
	const allowed = new Set<string>(type?.blocks ?? ['office']);
	const holiday = ctx.closedDays.find((d) => d.date === a.date);
	const sees = ctx.providers.find((p) => p.id === a.provider)?.sees;
	if (holiday) out.push({ appointment: a.id, rule: 'template', message: `The practice is closed on ${a.date} (${holiday.reason}).` });
	else if (sees && !sees.includes(a.type))
		out.push({ appointment: a.id, rule: 'template', message: `${pname}'s schedule takes only ${sees.map((t) => ctx.types.find((x) => x.id === t)?.name ?? t).join(', ')}; ${withArticle(type?.name ?? a.type)} needs a provider.` });
	else for (let m = a.start; m < a.start + a.minutes; m += 5) {
		const kind = blockKindAt(ctx, a.provider, a.date, m);
		if (!allowed.has(kind)) {
			const what = kind === 'closed' ? 'outside their hours (or on a day off)' : `in ${kind === 'lunch' ? 'lunch' : `a ${kind} block`}`;
			out.push({ appointment: a.id, rule: 'template', message: `${visit} with ${pname} falls ${what} at ${toSpoken(m)}; ${withArticle(type?.name ?? a.type)} goes in ${[...allowed].join(' or ')} time.` });
			break;
		}
	}
	for (const d of block.disruptions) {
		const day = d.date ?? ctx.firstDay;
		if (day !== a.date) continue;
		const window = { start: toMinutes(d.from), minutes: toMinutes(d.to) - toMinutes(d.from) };
		if (d.provider === a.provider && overlaps(a, window))
			out.push({ appointment: a.id, rule: 'disruption', message: `${pname} is unavailable ${d.from}–${d.to} (${d.reason}), but the visit is at ${when}.` });
	}
	if (type && a.minutes !== type.minutes)
		out.push({ appointment: a.id, rule: 'length', message: `A ${type.name} takes ${type.minutes} minutes here; this one is booked for ${a.minutes}.` });
	const patient = ctx.patients.find((p) => p.id === a.patient);
	if (type && patient) {
		if (!patient.established && !type.newPatient) out.push({ appointment: a.id, rule: 'new-established', message: `${patient.name} is a new patient: a new-patient visit type (longer, with history and registration) is needed, not ${withArticle(type.name)}.` });
		if (patient.established && type.newPatient) out.push({ appointment: a.id, rule: 'new-established', message: `${patient.name} is established here: a new-patient type wastes the time a new patient needs.` });
	}

	// Overlaps on the provider, under the scheduling method.
	const others = book.appointments.filter((o) => o.id !== a.id && isActive(o) && o.provider === a.provider && o.date === a.date && overlaps(o, a));
	const doubleOk = (x: Appointment) => block.doubleBooking.includes(x.type);
	if (block.method === 'stream') {
		for (const o of others)
			if (!doubleOk(a) && !doubleOk(o)) out.push({ appointment: a.id, rule: 'overlap', message: `${visit} overlaps ${nameOf(ctx, o.patient)}'s ${toSpoken(o.start)} visit with ${pname}.` });
	} else {
		const wave = block.wave ?? { '00': 3 };
		const minute = toClock(a.start).slice(3);
		const capacity = wave[minute];
		if (capacity === undefined && !doubleOk(a)) out.push({ appointment: a.id, rule: 'overlap', message: `In ${block.method} scheduling, patients start at :${Object.keys(wave).join(' or :')}; ${toSpoken(a.start)} is off the wave.` });
		else if (capacity !== undefined) {
			const sameStart = book.appointments.filter((o) => isActive(o) && o.provider === a.provider && o.date === a.date && o.start === a.start && !doubleOk(o)).length;
			if (sameStart > capacity) out.push({ appointment: a.id, rule: 'overlap', message: `${sameStart} patients start at ${toSpoken(a.start)} with ${pname}; the wave takes ${capacity}.` });
		}
	}

	// Rooms: concurrent visits needing a kind of room must not outnumber the rooms in service.
	if (type?.room) {
		const rooms = ctx.rooms.filter((r) => r.kind === type.room);
		const outOfService = block.disruptions.filter((d) => d.room && (d.date ?? ctx.firstDay) === a.date && overlaps(a, { start: toMinutes(d.from), minutes: toMinutes(d.to) - toMinutes(d.from) }));
		const usable = rooms.filter((r) => !outOfService.some((d) => d.room === r.id)).length;
		// Peak use: the most visits needing this kind of room at any one moment of this visit.
		const sharing = book.appointments.filter((o) => isActive(o) && o.date === a.date && overlaps(o, a) && ctx.types.find((t) => t.id === o.type)?.room === type.room);
		const moments = [a.start, ...sharing.map((o) => o.start).filter((m) => m > a.start && m < a.start + a.minutes)];
		let peak = 0;
		let at = a.start;
		for (const m of moments) {
			const n = sharing.filter((o) => o.start <= m && m < o.start + o.minutes).length;
			if (n > peak) (peak = n), (at = m);
		}
		if (peak > usable) {
			const room = `${/^[aeiou]/.test(type.room) ? 'an' : 'a'} ${type.room} room`;
			out.push({ appointment: a.id, rule: 'room', message: `${peak} visits need ${room} at ${toSpoken(at)}, and ${usable === 0 ? 'none is' : `only ${usable} ${usable === 1 ? 'is' : 'are'}`} in service.` });
		}
	}
	return out;
}

/** True when the provider has no active visit at any minute of [start, start + minutes) on that day. */
export function slotIsFree(book: Book, provider: string, date: string, start: number, minutes = 1): boolean {
	return !book.appointments.some((a) => isActive(a) && a.provider === provider && a.date === date && overlaps(a, { start, minutes }));
}

export function bookProblems(book: Book, block: ResolvedScheduleBlock): Problem[] {
	return book.appointments.flatMap((a) => problemsOf(book, a, block));
}

export function withinAvailability(a: Appointment, windows: readonly Availability[]): boolean {
	if (windows.length === 0) return true;
	return windows.some((w) => (!w.days || w.days.includes(weekday(a.date) as never)) && toMinutes(w.from) <= a.start && a.start + a.minutes <= toMinutes(w.to));
}
