import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/content/scenario';
import type { ResolvedScheduleBlock } from '../../src/lib/content/schema/scenario';
import { answer, start, summarize } from '../../src/lib/engine';
import { gradeSchedule } from '../../src/lib/engine/interactions/schedule';
import { applyActions, bookProblems, type ScheduleAction } from '../../src/lib/office/schedule';
import { world } from './world-fixture';
import { scheduleSolvability } from '../../src/lib/engine/schedule-solver';

const known = {
	competencies: new Set(['s.fit', 's.type', 's.timing', 's.integrity', 's.data']),
	patients: new Set(world.patients.map((p) => p.id)),
	providers: new Set(world.providers.map((p) => p.id)),
	appointmentTypes: new Set(world.appointmentTypes.map((t) => t.id)),
	rooms: new Set(world.clinic.rooms.map((r) => r.id))
};

/** A one-step scheduling scenario around the given YAML block body (indented by the caller). */
function scenarioWith(block: string) {
	const text = `---
id: fixture-schedule
title: "Schedule fixture"
kind: scheduling
difficulty: 1
minutes: 5
summary: A schedule step used by the grader tests.
competencies: [s.fit, s.type, s.timing, s.integrity, s.data]
start: book
---

## book: The book
\`\`\`schedule
prompt: Do the work.
scoring: { fit: s.fit, type: s.type, timing: s.timing, integrity: s.integrity }
${block}
next: end
\`\`\`

## debrief
Done.
`;
	const r = parseScenario(text, 'content/scenarios/fixture-schedule.md', { known, world, minDecisions: 0 });
	if (!r.scenario) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
	return r.scenario;
}

function blockOf(s: ReturnType<typeof scenarioWith>): ResolvedScheduleBlock {
	const it = s.steps.book!.interaction!;
	if (it.kind !== 'schedule') throw new Error('not a schedule step');
	return it.block;
}

function grade(block: ResolvedScheduleBlock, actions: ScheduleAction[], collected: Record<string, string> = {}) {
	const rules = gradeSchedule(block, applyActions(block, actions), collected);
	const failed = rules.filter((r) => !r.ok);
	return { rules, failed, failedRules: failed.map((r) => r.rule), earned: rules.reduce((n, r) => n + r.earned, 0), possible: rules.reduce((n, r) => n + r.possible, 0) };
}

const book = (over: Partial<Extract<ScheduleAction, { op: 'book' }>> = {}): ScheduleAction => ({
	op: 'book', id: 'n1', patient: 'pt-est', provider: 'prov-a', date: '2026-11-23', start: '10:00', type: 'follow-up', minutes: 15, reason: 'Blood pressure follow-up', ...over
});

const FOLLOW_UP = `days: 5
appointments:
  - { id: s1, patient: pt-c, provider: prov-a, start: "10:00", type: follow-up, reason: Cough }
tasks:
  - { id: t1, patient: pt-est, ask: Book a follow-up this week, types: [follow-up], urgency: soon, withinDays: 4 }`;

describe('schedule grader', () => {
	const b = blockOf(scenarioWith(FOLLOW_UP));

	it('two different valid solutions both earn full marks', () => {
		const one = grade(b, [book({ start: '10:15' })]);
		const two = grade(b, [book({ provider: 'prov-b', date: '2026-11-24'.replace('24', '23'), start: '14:00' })]);
		const three = grade(b, [book({ date: '2026-11-25', start: '09:00' })]);
		for (const g of [one, two, three]) {
			expect(g.failed).toEqual([]);
			expect(g.earned).toBe(g.possible);
		}
	});

	it('template: a visit in lunch or in a block that does not take it fails, naming the block', () => {
		const lunch = grade(b, [book({ start: '12:00' })]);
		expect(lunch.failedRules).toEqual(['fit']);
		expect(lunch.failed[0]!.message).toMatch(/lunch/);
		const procedureBlock = grade(b, [book({ start: '13:30' })]);
		expect(procedureBlock.failed[0]!.message).toMatch(/procedure block/);
		const dayOff = grade(b, [book({ provider: 'prov-b', date: '2026-11-24', start: '09:00' })]);
		expect(dayOff.failed[0]!.message).toMatch(/outside their hours/);
		const holiday = grade(b, [book({ date: '2026-11-26', start: '09:00' })]);
		expect(holiday.failedRules).toEqual(['fit']);
		expect(holiday.failed[0]!.message).toMatch(/closed on 2026-11-26 \(Thanksgiving\)/);
		const nurse = grade(b, [book({ provider: 'prov-rn', start: '09:00' })]);
		expect(nurse.failedRules).toEqual(['fit']);
		expect(nurse.failed[0]!.message).toMatch(/Rita Nurse, RN's schedule takes only Injection visit/);
		const acrossLunch = grade(b, [book({ start: '11:50' })]);
		expect(acrossLunch.failedRules).toEqual(['fit']);
	});

	it('length: a follow-up booked for the wrong number of minutes fails', () => {
		expect(grade(b, [book({ start: '10:15', minutes: 30 })]).failedRules).toEqual(['length']);
		expect(grade(b, [book({ start: '10:15', minutes: 15 })]).failedRules).toEqual([]);
	});

	it('type: a new patient needs a new-patient visit, and the task names the types that fit', () => {
		const newPt = blockOf(scenarioWith(FOLLOW_UP.replace('patient: pt-est, ask: Book a follow-up this week, types: [follow-up]', 'patient: pt-new, ask: Book her first visit')));
		const asFollowUp = grade(newPt, [book({ patient: 'pt-new', start: '10:15' })]);
		expect(asFollowUp.failedRules).toEqual(['type']);
		expect(asFollowUp.failed[0]!.message).toMatch(/new patient/);
		expect(grade(newPt, [book({ patient: 'pt-new', type: 'new-patient', minutes: 40, start: '15:00' })]).failed).toEqual([]);
		expect(grade(b, [book({ type: 'physical', minutes: 30, start: '10:15' })]).failedRules).toEqual(['type']);
	});

	it('overlap: stream scheduling refuses two patients at once, unless the type may be double-booked', () => {
		const clash = grade(b, [book({ start: '10:05' })]);
		expect(clash.failedRules).toEqual(['fit']);
		expect(clash.failed[0]!.message).toMatch(/overlaps Carl Test/);
		const dbl = blockOf(scenarioWith(`doubleBooking: [injection]\n${FOLLOW_UP.replace('types: [follow-up]', 'types: [injection]')}`));
		expect(grade(dbl, [book({ type: 'injection', minutes: 10, start: '10:00' })]).failed).toEqual([]);
	});

	it('wave: patients share the top of the hour up to the wave size and nowhere else', () => {
		const wave = blockOf(scenarioWith(`method: wave\nwave: { "00": 2 }\n${FOLLOW_UP}`));
		expect(grade(wave, [book({ start: '10:00' })]).failed).toEqual([]);
		expect(grade(wave, [book({ start: '10:15' })]).failed[0]!.message).toMatch(/off the wave/);
		const third = blockOf(scenarioWith(`method: wave\nwave: { "00": 2 }\n${FOLLOW_UP.replace('tasks:', '  - { id: s2, patient: pt-d, provider: prov-a, start: "10:00", type: follow-up, reason: Rash }\ntasks:')}`));
		expect(grade(third, [book({ start: '10:00' })]).failed[0]!.message).toMatch(/3 patients start at 10:00 AM/);
	});

	it('rooms: two procedures at once need two procedure rooms', () => {
		const proc = blockOf(scenarioWith(`appointments:
  - { id: s1, patient: pt-c, provider: prov-a, start: "13:00", type: procedure, reason: Mole removal }
tasks:
  - { id: t1, patient: pt-est, ask: Book a procedure today, types: [procedure], urgency: same-day }`));
		// Ben Baker has no procedure block, so put it with Ann Able at a later time: valid.
		expect(grade(proc, [book({ type: 'procedure', minutes: 30, start: '13:30' })]).failed).toEqual([]);
		const clash = grade(proc, [book({ type: 'procedure', minutes: 30, start: '13:00' })]);
		expect(clash.failed.map((f) => f.message).join(' ')).toMatch(/procedure room/);
	});

	it('rooms: counted at the busiest moment, not over the whole visit', () => {
		const exam = blockOf(scenarioWith(`appointments:
  - { id: b1, patient: pt-c, provider: prov-b, start: "10:00", type: follow-up, reason: One }
  - { id: b2, patient: pt-d, provider: prov-b, start: "10:15", type: follow-up, reason: Two }
  - { id: b3, patient: pt-w, provider: prov-b, start: "10:30", type: follow-up, reason: Three }
tasks:
  - { id: t1, patient: pt-new, ask: First visit today, types: [new-patient], urgency: same-day }`));
		// Two exam rooms: a 40-minute visit beside three back-to-back follow-ups never needs more than two.
		expect(grade(exam, [book({ patient: 'pt-new', type: 'new-patient', minutes: 40, start: '10:00' })]).failed).toEqual([]);
		const third = grade(exam, [book({ patient: 'pt-new', type: 'new-patient', minutes: 40, start: '10:00' }), book({ id: 'n2', patient: 'pt-est', provider: 'prov-rn', type: 'injection', minutes: 10, start: '10:20' })]);
		expect(third.failed.map((f) => f.message).join(' ')).toMatch(/3 visits need an exam room at 10:20 AM, and only 2 are in service/);
	});

	it('urgency: a same-day need booked tomorrow fails and, when the task says so, is critical', () => {
		const urgent = scenarioWith(FOLLOW_UP.replace('urgency: soon, withinDays: 4', 'urgency: same-day, critical: Left an urgent patient without a same-day visit.'));
		const tomorrow = grade(blockOf(urgent), [book({ date: '2026-11-24', start: '09:00' })]);
		expect(tomorrow.failedRules).toEqual(['urgency']);
		const s = start(urgent, 1);
		const r = answer(s, { kind: 'schedule', actions: [book({ date: '2026-11-24', start: '09:00' })], collected: {} });
		expect(r.outcome.critical).toBe('Left an urgent patient without a same-day visit.');
		expect(summarize(r.state).passed).toBe(false);
		const notBooked = answer(s, { kind: 'schedule', actions: [], collected: {} });
		expect(notBooked.outcome.critical).toBeDefined();
		expect(answer(s, { kind: 'schedule', actions: [book({ start: '10:30' })], collected: {} }).outcome.critical).toBeUndefined();
	});

	it("availability, lead time and provider: the patient's limits and the visit's preparation", () => {
		const limits = blockOf(scenarioWith(`days: 5
tasks:
  - id: t1
    patient: pt-est
    ask: Book after her work, with Dr. Able, at least two days out
    types: [follow-up]
    leadDays: 2
    preferProvider: prov-a
    availability: [{ from: "15:00", to: "17:00" }]`));
		expect(grade(limits, [book({ date: '2026-11-23', start: '15:00' })]).failedRules).toEqual(['lead']);
		expect(grade(limits, [book({ date: '2026-11-25', start: '10:00' })]).failedRules).toEqual(['availability']);
		const other = grade(limits, [book({ provider: 'prov-b', date: '2026-11-23', start: '15:00' })]);
		expect(other.failedRules.sort()).toEqual(['lead', 'provider']);
		const prov = other.failed.find((f) => f.rule === 'provider')!;
		expect([prov.earned, prov.possible]).toEqual([1, 2]);
	});

	it('series: the right number of visits at the ordered spacing', () => {
		const series = blockOf(scenarioWith(`days: 5
tasks:
  - { id: t1, patient: pt-est, ask: Four weekly B-12 shots, types: [injection], series: { count: 4, everyDays: 7 } }`));
		const weekly = book({ type: 'injection', minutes: 10, start: '10:30', date: '2026-11-24', repeat: { count: 4, everyDays: 7 } });
		expect(grade(series, [weekly]).failed.map((f) => f.message)).toEqual([]);
		const tooClose = grade(series, [{ ...weekly, repeat: { count: 4, everyDays: 3 } } as ScheduleAction]);
		expect(tooClose.failedRules).toEqual(['series']);
		const tooFew = grade(series, [{ ...weekly, repeat: { count: 2, everyDays: 7 } } as ScheduleAction]);
		expect(tooFew.failedRules).toEqual(['count']);
	});

	it('resolve: a disrupted morning is moved to valid slots, and the urgent patient stays today', () => {
		const called = blockOf(scenarioWith(`appointments:
  - { id: m1, patient: pt-c, provider: prov-a, start: "10:00", type: follow-up, reason: Chest cold }
  - { id: m2, patient: pt-d, provider: prov-a, start: "10:30", type: follow-up, reason: Medication review }
  - { id: o1, patient: pt-w, provider: prov-b, start: "08:00", type: follow-up, reason: Knee }
disruptions:
  - { provider: prov-a, from: "08:00", to: "12:00", reason: Called to the hospital }
days: 2
tasks:
  - { id: t1, kind: resolve, ask: Rebook Dr. Able's morning, appointments: [m1, m2], sameDay: [m1] }`));
		const good = grade(called, [
			{ op: 'move', id: 'm1', provider: 'prov-b', date: '2026-11-23', start: '08:30', reason: 'Dr. Able at the hospital; seen by Ben today' },
			{ op: 'move', id: 'm2', provider: 'prov-a', date: '2026-11-24', start: '09:00', reason: 'Dr. Able at the hospital; patient prefers her' }
		]);
		expect(good.failed).toEqual([]);
		const cancelledUrgent = grade(called, [
			{ op: 'cancel', id: 'm1', reason: 'Provider out' },
			{ op: 'cancel', id: 'm2', reason: 'Provider out; will call to rebook' }
		]);
		expect(cancelledUrgent.failedRules.sort()).toEqual(['resolve']);
		expect(cancelledUrgent.failed[0]!.message).toMatch(/needed to be seen today/);
		const leftInPlace = grade(called, []);
		expect(leftInPlace.failed.every((f) => f.rule === 'resolve' || f.rule === 'urgency')).toBe(true);
		expect(leftInPlace.failed[0]!.message).toMatch(/unavailable 08:00–12:00/);
	});

	it('side effects: moving or cancelling a patient nobody asked about costs points, as does a stray booking', () => {
		const moved = grade(b, [book({ start: '10:30' }), { op: 'move', id: 's1', provider: 'prov-a', date: '2026-11-23', start: '11:00', reason: 'Make room' }]);
		expect(moved.failedRules).toEqual(['untouched']);
		const stray = grade(b, [book({ start: '10:30' }), book({ id: 'n2', patient: 'pt-d', start: '11:00' })]);
		expect(stray.failedRules).toEqual(['stray']);
	});

	it('moving another patient into lunch is a template violation too, not only "changed without being asked"', () => {
		const lunch = grade(b, [book({ start: '10:30' }), { op: 'move', id: 's1', provider: 'prov-a', date: '2026-11-23', start: '12:15', reason: 'Make room' }]);
		expect(lunch.failedRules.sort()).toEqual(['fit', 'untouched']);
		const fit = lunch.failed.find((r) => r.rule === 'fit')!;
		expect(fit.message).toMatch(/Carl Test.*lunch/);
		expect(fit.competency).toBe('s.fit');
		// The same move to a free office slot costs only the "untouched" point.
		const free = grade(b, [book({ start: '10:30' }), { op: 'move', id: 's1', provider: 'prov-a', date: '2026-11-23', start: '11:00', reason: 'Make room' }]);
		expect(free.possible - free.earned).toBe(1);
		expect(lunch.possible - lunch.earned).toBe(2);
	});

	it('moving another patient on top of a visit is critical, like a booking on top of one', () => {
		const s = scenarioWith(`${FOLLOW_UP.replace('appointments:\n', 'appointments:\n  - { id: s0, patient: pt-d, provider: prov-a, start: "11:00", type: follow-up, reason: Rash }\n')}`);
		const r = answer(start(s, 1), { kind: 'schedule', actions: [book({ start: '10:30' }), { op: 'move', id: 's1', provider: 'prov-a', date: '2026-11-23', start: '11:00', reason: 'Make room' }], collected: {} });
		expect(r.outcome.critical).toMatch(/Moved Carl Test .* on top of another patient's visit/);
		expect(summarize(r.state).passed).toBe(false);
	});

	it('cancel and no-show tasks need the right status on the right appointment', () => {
		const statuses = blockOf(scenarioWith(`appointments:
  - { id: a1, patient: pt-c, provider: prov-a, start: "10:00", type: follow-up, reason: Cough }
  - { id: a2, patient: pt-d, provider: prov-a, start: "10:15", type: follow-up, reason: Rash }
tasks:
  - { id: t1, kind: cancel, ask: Carl cancels, appointments: [a1] }
  - { id: t2, kind: no-show, ask: Dora never came, appointments: [a2] }`));
		expect(grade(statuses, [{ op: 'cancel', id: 'a1', reason: 'Patient called, out of town' }, { op: 'no-show', id: 'a2' }]).failed).toEqual([]);
		expect(grade(statuses, [{ op: 'cancel', id: 'a2', reason: 'Did not come' }]).failedRules.sort()).toEqual(['cancel', 'no-show']);
	});

	it('waitlist: when nothing fits, the patient goes on the waitlist with the right visit type', () => {
		const wl = blockOf(scenarioWith(`tasks:
  - { id: t1, kind: waitlist, patient: pt-est, ask: Nothing fits her mornings this week; put her on the waitlist, types: [follow-up] }`));
		const add: ScheduleAction = { op: 'waitlist-add', id: 'w1', patient: 'pt-est', type: 'follow-up', reason: 'Wants an earlier BP check', wants: 'weekday mornings', by: 'Sam' };
		expect(grade(wl, [add]).failed).toEqual([]);
		expect(applyActions(wl, [add]).log[0]).toBe('Added Esther Test to the waitlist: Wants an earlier BP check; can come weekday mornings (by Sam)');
		expect(grade(wl, [{ ...add, type: 'physical' } as ScheduleAction]).failedRules).toEqual(['type']);
		expect(grade(wl, []).failedRules).toEqual(['waitlist']);
	});

	it("waitlist fill: each freed slot goes to someone whose own limits it fits", () => {
		const fill = blockOf(scenarioWith(`appointments:
  - { id: c1, patient: pt-c, provider: prov-a, start: "10:00", type: follow-up, reason: Cough }
waitlist:
  - { id: w1, patient: pt-est, type: follow-up, reason: Wants sooner, provider: prov-a, availability: [{ from: "08:00", to: "12:00" }] }
  - { id: w2, patient: pt-d, type: follow-up, reason: Any time }
tasks:
  - { id: cancel, kind: cancel, ask: Carl cancels, appointments: [c1] }
  - { id: fill-1, ask: Fill a slot from the waitlist, fromWaitlist: [w1, w2] }
  - { id: fill-2, ask: Fill another from the waitlist, fromWaitlist: [w1, w2] }`));
		const cancel: ScheduleAction = { op: 'cancel', id: 'c1', reason: 'Patient called, out of town' };
		const good = grade(fill, [cancel, book({ start: '10:00', fromWaitlist: 'w1' }), book({ id: 'n2', patient: 'pt-d', provider: 'prov-b', start: '15:00', fromWaitlist: 'w2' })]);
		expect(good.failed).toEqual([]);
		const afternoon = grade(fill, [cancel, book({ start: '15:00', fromWaitlist: 'w1' }), book({ id: 'n2', patient: 'pt-d', start: '10:00', fromWaitlist: 'w2' })]);
		expect(afternoon.failedRules).toEqual(['availability']);
		expect(afternoon.failed[0]!.message).toMatch(/Esther Test can only come 08:00–12:00/);
	});

	it('collected data: every expected phrase must be recorded', () => {
		const data = blockOf(scenarioWith(`${FOLLOW_UP}
collect:
  - { id: callback, label: Callback number, expect: ["555-0134"], competency: s.data, feedback: Always confirm a callback number. }
  - { id: prep, label: Preparation given, expect: [fast, "8 hours"], competency: s.data, feedback: A fasting test needs the fasting time. }`));
		expect(grade(data, [book({ start: '10:30' })], { callback: '(555) 555-0134', prep: 'Fast for 8 hours, water is fine' }).failed).toEqual([]);
		const missing = grade(data, [book({ start: '10:30' })], { callback: '', prep: 'Come fasting' });
		expect(missing.failedRules).toEqual(['collect:callback', 'collect:prep']);
		expect(missing.failed[0]!.message).toMatch(/not recorded/);
	});

	it('rejects actions that cannot happen, naming the problem', () => {
		const s = scenarioWith(FOLLOW_UP);
		const st = start(s, 1);
		expect(() => answer(st, { kind: 'schedule', actions: [{ op: 'cancel', id: 'zz', reason: 'x y z' }], collected: {} })).toThrow(/no appointment "zz"/);
		expect(() => answer(st, { kind: 'schedule', actions: [book({ reason: '' })], collected: {} })).toThrow(/needs a reason/);
		expect(() => answer(st, { kind: 'schedule', actions: [book({ date: '2027-01-01' })], collected: {} })).toThrow(/not a day in this book/);
	});

	it('the book shows conflicts instead of preventing them', () => {
		const after = applyActions(b, [book({ start: '10:05' })]);
		expect(after.appointments).toHaveLength(2);
		expect(bookProblems(after, b).map((p) => p.rule)).toEqual(['overlap', 'overlap']);
		expect(after.log[0]).toMatch(/^Booked Esther Test with Ann Able, MD/);
	});
});

describe('the test solver', () => {
	it('finds a full-mark book for a step with bookings, a resolve and data to record', async () => {
		const { solveSchedule } = await import('../../src/lib/engine/schedule-solver');
		const block = blockOf(scenarioWith(`days: 2
appointments:
  - { id: m1, patient: pt-c, provider: prov-a, start: "10:00", type: follow-up, reason: Chest cold }
disruptions:
  - { provider: prov-a, from: "10:00", to: "12:00", reason: Called away }
tasks:
  - { id: t1, kind: resolve, ask: Rebook Carl today, appointments: [m1], sameDay: [m1] }
  - { id: t2, patient: pt-est, ask: Follow-up within two days, types: [follow-up], urgency: soon, withinDays: 1 }
collect:
  - { id: cb, label: Callback, expect: ["555-0100"], competency: s.data, feedback: Confirm it. }`));
		const solution = solveSchedule(block);
		if (!solution.ok) throw new Error(solution.why);
		const rules = gradeSchedule(block, applyActions(block, solution.actions), solution.collected);
		expect(rules.every((r) => r.ok)).toBe(true);
	});
});

describe('schedule grader: mistakes a real desk cannot absorb', () => {
	const NOW = `days: 5
now: "11:00"
appointments:
  - { id: s1, patient: pt-c, provider: prov-a, start: "10:00", type: follow-up, reason: Cough }
  - { id: s2, patient: pt-c, provider: prov-a, date: "2026-11-24", start: "10:00", type: follow-up, reason: Recheck }
tasks:
  - { id: t1, patient: pt-est, ask: Book a follow-up with Dr. Able this week, types: [follow-up], urgency: soon, withinDays: 4, providers: [prov-a] }`;
	const s = scenarioWith(NOW);
	const b = blockOf(s);
	const outcomeOf = (actions: ScheduleAction[]) => answer(start(s, 1), { kind: 'schedule', actions, collected: {} });

	it('a booking on top of another patient is a critical error that fails the scenario', () => {
		const beside = outcomeOf([book({ date: '2026-11-24', start: '10:15' })]);
		expect(beside.outcome.critical).toBeUndefined();
		expect(summarize(beside.state).passed).toBe(true);
		const onTop = outcomeOf([book({ date: '2026-11-24', start: '10:00' })]);
		expect(onTop.outcome.critical).toMatch(/on top of another patient's visit/);
		expect(summarize(onTop.state).passed).toBe(false);
	});

	it('a booking before the scenario\'s "now" is a critical error; later the same day is fine', () => {
		const past = grade(b, [book({ start: '09:00' })]);
		expect(past.failedRules).toContain('past');
		expect(past.rules.find((r) => r.rule === 'past')!.critical).toMatch(/already passed/);
		expect(outcomeOf([book({ start: '09:00' })]).outcome.critical).toMatch(/already passed/);
		const later = grade(b, [book({ start: '11:15' })]);
		expect(later.failed).toEqual([]);
		expect(outcomeOf([book({ start: '11:15' })]).outcome.verdict).toBe('best');
	});

	it('the wrong provider for a visit that requires one is a critical error', () => {
		const r = outcomeOf([book({ provider: 'prov-b', start: '14:00' })]);
		expect(r.outcome.critical).toMatch(/provider who cannot take this visit/);
	});
});

describe('placeholders where the learner records what they were told', () => {
	const make = (front: string, collect: string) => {
		const text = `---
id: fixture-collect
title: "Collect fixture"
kind: scheduling
difficulty: 1
minutes: 5
summary: A schedule step that asks the learner to record a callback number.
competencies: [s.fit, s.type, s.timing, s.integrity, s.data]
start: book
${front}
---

## book: The book
\`\`\`schedule
prompt: Book it and record the callback number.
scoring: { fit: s.fit, type: s.type, timing: s.timing, integrity: s.integrity }
days: 5
tasks:
  - { id: t1, patient: pt-est, ask: Book a follow-up this week, types: [follow-up] }
collect:
  - { id: cb, label: Callback number, expect: ["${collect}"], competency: s.data, feedback: Record where to call back. }
next: end
\`\`\`

## debrief
Done.
`;
		return parseScenario(text, 'content/scenarios/fixture-collect.md', { known, world, minDecisions: 0 });
	};
	const booked = [book({ date: '2026-11-24', start: '10:15' })];
	const collectRule = (s: NonNullable<ReturnType<typeof make>['scenario']>, typed: string, seed = 1) =>
		answer(start(s, seed), { kind: 'schedule', actions: booked, collected: { cb: typed } }).outcome.marks;

	it("a clinic placeholder is filled from the record, so typing the chart's number earns the point", () => {
		const s = make('patient: pt-est', '{{patient.phone}}').scenario!;
		const marks = collectRule(s, '(555) 555-0100');
		expect(marks.kind === 'schedule' && marks.rules.find((r) => r.rule === 'collect:cb')?.ok).toBe(true);
	});

	it("a variant's placeholder is filled with the attempt's variant", () => {
		const s = make('variants:\n  - { callback: "555-0142" }', '{{callback}}').scenario!;
		const right = collectRule(s, '555-0142');
		const literal = collectRule(s, '{{callback}}');
		expect(right.kind === 'schedule' && right.rules.find((r) => r.rule === 'collect:cb')?.ok).toBe(true);
		expect(literal.kind === 'schedule' && literal.rules.find((r) => r.rule === 'collect:cb')?.ok).toBe(false);
	});

	it("a clinic placeholder is refused, with the reason, when the patient changes with the variant", () => {
		const r = make("patient: '{{patient}}'\nvariants:\n  - { patient: pt-est }", '{{patient.phone}}');
		expect(r.errors.map((e) => e.message).join('\n')).toMatch(/changes with the variant; write the value in each variant/);
	});
});

describe('the solver names a task nobody can complete', () => {
	const withTask = (task: string, days = 5) => scenarioWith(`days: ${days}\ntasks:\n  - id: t0\n    patient: pt-d\n    ask: Book Dora a follow-up\n    types: [follow-up]\n${task}`);
	const messages = (s: ReturnType<typeof scenarioWith>) => scheduleSolvability(s).errors.map((e) => `${e.line}: ${e.message}`);

	it("availability only on the provider's day off", () => {
		const s = withTask(`  - id: book-wade\n    patient: pt-w\n    ask: Book Wade with Ben on Wednesday afternoon\n    types: [follow-up]\n    providers: [prov-b]\n    availability: [{ days: [wed], from: "15:00", to: "17:00" }]`);
		expect(messages(s)).toEqual([
			'22: step "book": task "book-wade" (“Book Wade with Ben on Wednesday afternoon”) has no booking that earns full marks (Ben Baker, NP does not work Wednesdays; the only availability given is Wednesday 15:00–17:00)'
		]);
	});

	it('availability only on a clinic holiday', () => {
		const s = withTask(`  - id: book-wade\n    patient: pt-w\n    ask: Book Wade on Thursday morning\n    types: [follow-up]\n    availability: [{ days: [thu], from: "09:00", to: "11:00" }]`);
		expect(messages(s)).toEqual([
			'22: step "book": task "book-wade" (“Book Wade on Thursday morning”) has no booking that earns full marks (Thursday 2026-11-26 is a clinic holiday (Thanksgiving); the only availability given is Thursday 09:00–11:00)'
		]);
	});

	it('a visit type no allowed provider has time for, in the grader\'s words', () => {
		const s = withTask(`  - id: book-wade\n    patient: pt-w\n    ask: Book Wade's procedure with Ben\n    types: [procedure]\n    providers: [prov-b]`);
		expect(messages(s)[0]).toMatch(/task "book-wade" .* has no booking that earns full marks \(Ben Baker, NP has no procedure time long enough for an Office procedure \(30 min\) on the days allowed\)/);
	});

	it('a task that can be met gives nothing, and a search that runs out warns rather than refuses', () => {
		const s = withTask(`  - id: book-wade\n    patient: pt-w\n    ask: Book Wade on Tuesday\n    types: [follow-up]\n    availability: [{ days: [tue], from: "09:00", to: "11:00" }]`);
		expect(scheduleSolvability(s)).toEqual({ errors: [], warnings: [] });
		const tight = scheduleSolvability(s, 1);
		expect(tight.errors).toEqual([]);
		expect(tight.warnings[0]!.message).toMatch(/could not prove a full-mark book exists: the checker tried 1 book /);
	});

	it('is bounded: an impossible task on a two-week book is settled quickly', () => {
		const s = withTask(`  - id: book-wade\n    patient: pt-w\n    ask: Book Wade for an annual physical with the nurse\n    types: [physical]\n    providers: [prov-rn]`, 14);
		const t = performance.now();
		const r = scheduleSolvability(s);
		expect(performance.now() - t).toBeLessThan(5000);
		expect(r.errors[0]!.message).toMatch(/task "book-wade"/);
	});
});
