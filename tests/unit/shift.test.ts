import { describe, expect, it } from 'vitest';
import { known } from './fixtures';
import { parseShift } from '../../src/lib/content/shift';
import type { Shift } from '../../src/lib/content/schema/shift';
import { clockOf } from '../../src/lib/content/shift-clock';
import { act, moodNow, replayShift, startShift, summarizeShift, type ShiftInput, type ShiftState } from '../../src/lib/engine/shift';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import type { Input } from '../../src/lib/engine/types';
import { play } from '../support/shift-player';

/**
 * A small shift, one task per behaviour: a routine check-in at 08:00, a portal message at 08:02, an
 * urgent call at 08:05 that must never be held, a routine call at 08:20, and three events only
 * consequences bring (a denial, an upset patient, a callback).
 */
const SHIFT = `---
id: fixture-shift
title: A fixture morning
summary: Work arriving on a clock, for the unit tests.
start: "08:00"
end: "09:00"
competencies: [c.comm.phone, c.sched.triage, c.comm.difficult]
events:
  - id: check-in
    channel: window
    at: "08:00"
    who: Pat A
    about: Check-in for a 08:15 visit
    minutes: 4
    within: 15
    mood: 8
    decay: 5
  - id: portal
    channel: portal
    at: "08:02"
    who: Pat B
    about: A message asking for a call back
    minutes: 2
    within: 30
  - id: chest-pain
    channel: call
    at: "08:05"
    who: A caller
    about: Chest pain
    urgency: urgent
    minutes: 2
    within: 10
    missed: A caller with chest pain waited past ten minutes.
    call: { neverHold: A caller with chest pain was put on hold. }
  - id: refill
    channel: call
    at: "08:20"
    who: Pat B
    about: A refill question
    minutes: 2
    mood: 6
    decay: 2
    call: { ringsOutAfter: 2, hangUpAfter: 4, callBackAfter: 10, angrier: 3 }
  - id: denial
    channel: claim-rejection
    who: Payer
    about: A denial for no eligibility check
    minutes: 3
  - id: upset
    channel: window
    who: Pat A
    about: Upset about the wait
    minutes: 3
    mood: 4
  - id: callback
    channel: call
    who: Pat B
    about: Calling back about the message
    minutes: 2
consequences:
  - id: skipped-eligibility
    if: { task: check-in, answered: { step: verify, with: [skip] } }
    then: denial
    after: 20
    because: Skipping the eligibility check at check-in came back as a denial.
  - id: portal-not-passed-on
    if: { task: portal, notDoneBy: "08:40" }
    then: callback
    after: 5
    because: The message was not passed on, so the patient called back.
  - id: check-in-set-aside
    if: { task: check-in, skipped: true }
    then: upset
    at: "08:30"
    because: The check-in was left waiting, so the patient came back to the window upset.
---

# check-in: Check in Pat A

## verify: Coverage
Pat A is at the window.

\`\`\`choice
options:
  - id: verify
    text: Check the plan's eligibility before the visit.
    evidence: { c.comm.phone: 2/2 }
  - id: skip
    text: Skip the check; the card looks current.
    feedback: A card can be out of date; eligibility is checked at every visit.
    evidence: { c.comm.phone: 0/2 }
next: end
\`\`\`

# portal: Read the portal message

## read: What to do
\`\`\`choice
options:
  - id: route
    text: Pass it to the nurse's queue with the callback number.
    evidence: { c.comm.phone: 1/1 }
  - id: keep
    text: Keep it for later.
    feedback: A message left sitting becomes a callback.
    evidence: { c.comm.phone: 0/1 }
next: end
\`\`\`

# chest-pain: Answer the line

## triage: Chest pain
\`\`\`choice
options:
  - id: call-911
    text: Tell the caller to hang up and call 911 now.
    evidence: { c.sched.triage: 2/2 }
  - id: book
    text: Book the first visit this afternoon.
    feedback: Chest pain is a 911 call.
    critical: Chest pain booked as a visit.
    evidence: { c.sched.triage: 0/2 }
next: end
\`\`\`

# refill: A refill question

## route: Route it
\`\`\`choice
options:
  - id: nurse
    text: Send it to the refill queue.
    evidence: { c.comm.phone: 1/1 }
  - id: promise
    text: Promise the refill today.
    feedback: Only the provider approves refills.
    evidence: { c.comm.phone: 0/1 }
next: end
\`\`\`

# denial: Work the denial

## next: Next step
\`\`\`choice
options:
  - id: verify
    text: Check eligibility, then correct and resubmit.
    evidence: { c.comm.phone: 1/1 }
  - id: bill
    text: Bill the patient in full at once.
    feedback: Find out why first.
    evidence: { c.comm.phone: 0/1 }
next: end
\`\`\`

# upset: Pat A comes back

## calm: Reply
\`\`\`choice
options:
  - id: apologise
    text: Apologise and say how long the wait will be.
    evidence: { c.comm.difficult: 1/1 }
  - id: shrug
    text: Say everyone is waiting.
    feedback: Acknowledge the wait and give a time.
    evidence: { c.comm.difficult: 0/1 }
next: end
\`\`\`

# callback: Pat B calls back

## answer: Reply
\`\`\`choice
options:
  - id: apologise
    text: Apologise and route the message now.
    evidence: { c.comm.phone: 1/1 }
  - id: blame
    text: Say the portal is slow.
    feedback: Own it and route the message.
    evidence: { c.comm.phone: 0/1 }
next: end
\`\`\`

# debrief

Urgent first; nothing left to become tomorrow's problem.
`;

function fixture(text = SHIFT): Shift {
	const r = parseShift(text, 'content/shifts/fixture-shift.md', { known });
	if (!r.shift) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
	return r.shift;
}
const choose = (optionId: string): ShiftInput => ({ kind: 'answer', input: { kind: 'choice', optionId } as Input });
const work = (task: string): ShiftInput => ({ kind: 'work', task });
const WAIT: ShiftInput = { kind: 'wait' };

function run(inputs: ShiftInput[], seed = 1, shift = fixture()): ShiftState {
	return inputs.reduce((s, i) => act(s, i).state, startShift(shift, seed));
}
const statusOf = (s: ShiftState, key: string) => s.tasks.find((t) => t.key === key)?.status;
/** Lets the clock run until the shift closes. */
function toEnd(state: ShiftState): ShiftState {
	let s = state;
	while (!s.finished) s = act(s, WAIT).state;
	return s;
}
const arrived = (s: ShiftState) => s.log.filter((l) => l.kind === 'arrived').map((l) => `${clockOf(l.at)} ${l.task}`);

/** A good morning: the check-in, the chest-pain call the moment it rings, the portal, the refill. */
const GOOD: ShiftInput[] = [work('check-in'), choose('verify'), WAIT, work('chest-pain'), choose('call-911'), work('portal'), choose('route'), WAIT, work('refill'), choose('nurse')];

describe('the shift clock and queue', () => {
	it('starts at the shift start with what arrives then, and delivers later events in time order as the clock moves', () => {
		let s = startShift(fixture(), 1);
		expect(clockOf(s.clock)).toBe('08:00');
		expect(arrived(s)).toEqual(['08:00 check-in']);
		s = run([work('check-in'), choose('verify')]);
		// The 4-minute check-in moves the clock to 08:04; the portal message arrived at 08:02 meanwhile.
		expect(clockOf(s.clock)).toBe('08:04');
		expect(arrived(s)).toEqual(['08:00 check-in', '08:02 portal']);
		s = act(s, WAIT).state;
		expect(clockOf(s.clock)).toBe('08:05');
		expect(arrived(s).at(-1)).toBe('08:05 chest-pain');
		expect(statusOf(s, 'chest-pain')).toBe('ringing');
	});

	it('the shift closes at its end time: a call that keeps ringing out does not keep the day going', () => {
		// Nobody does anything: calls ring out and call back, but nothing arrives after 09:00 and the shift closes then.
		let s = startShift(fixture(), 1);
		for (let i = 0; i < 100 && !s.finished; i++) s = act(s, WAIT).state;
		expect(s.finished).toBe(true);
		expect(clockOf(s.clock)).toBe('09:00');
		expect(s.log.every((l) => l.at <= s.shift.end)).toBe(true);
		expect(s.log.filter((l) => l.kind === 'ended' && l.text.startsWith('Not done')).length).toBeGreaterThan(0);
		expect(() => act(s, WAIT)).toThrow('the shift is over');
	});

	it('a task in hand at the end time is finished, and then the shift closes before the next arrival', () => {
		// Letting the clock run reaches 08:56, with nothing more due before 09:00 (a callback at 09:02).
		let s = startShift(fixture(), 1);
		while (clockOf(s.clock) !== '08:56') s = act(s, WAIT).state;
		s = act(s, work('check-in')).state;
		expect(s.finished).toBe(false);
		s = act(s, choose('verify')).state;
		expect(clockOf(s.clock)).toBe('09:00');
		expect(s.log.every((l) => l.at <= s.shift.end)).toBe(true);
		expect(s.finished).toBe(true);
		expect(s.tasks.find((t) => t.key === 'check-in')!.status).toBe('done');
	});

	it('in timed mode the clock runs on by itself: a ringing call rings out while the learner thinks, and the task in hand stays', () => {
		// Waiting twice brings the chest-pain call (08:05); then the check-in is worked while the clock ticks.
		let s = run([WAIT, WAIT]);
		expect(clockOf(s.clock)).toBe('08:05');
		s = act(s, work('check-in')).state;
		expect(statusOf(s, 'chest-pain')).toBe('ringing');
		for (let i = 0; i < 3; i++) s = act(s, { kind: 'tick', minutes: 1 }).state;
		expect(clockOf(s.clock)).toBe('08:08');
		expect(s.current).toBe('check-in');
		expect(statusOf(s, 'chest-pain')).toBe('hung-up');
		expect(() => act(s, { kind: 'tick', minutes: 0 })).toThrow('1 to 60 whole minutes');
	});

	it('records a missed deadline, and a missed critical deadline fails the shift', () => {
		// The chest-pain call rings out at 08:07 and calls back at 08:22, past its 08:15 deadline.
		const s = run([work('check-in'), choose('verify'), WAIT, work('portal'), choose('route'), WAIT]);
		expect(s.log.some((l) => l.kind === 'late' && l.task === 'chest-pain' && clockOf(l.at) === '08:15')).toBe(true);
		expect(s.critical).toContain('A caller with chest pain waited past ten minutes.');
		const good = run(GOOD);
		expect(good.log.some((l) => l.kind === 'late')).toBe(false);
	});

	it('a ringing call nobody answers rings out and calls back later, angrier', () => {
		// Nobody answers the 08:20 refill call: it rings out at 08:22 and calls back at 08:32.
		const before = run([work('check-in'), choose('verify'), WAIT, work('chest-pain'), choose('call-911'), work('portal'), choose('route'), WAIT]);
		expect(statusOf(before, 'refill')).toBe('ringing');
		const s = act(before, WAIT).state;
		expect(statusOf(s, 'refill')).toBe('hung-up');
		expect(s.log.find((l) => l.kind === 'hung-up')).toMatchObject({ task: 'refill' });
		expect(clockOf(s.log.find((l) => l.kind === 'hung-up')!.at)).toBe('08:22');
		const back = s.tasks.find((t) => t.key === 'refill#2')!;
		expect(clockOf(back.arrivedAt)).toBe('08:32');
		// Mood 6 minus one point for each 2 minutes ringing (2 min → 1), then 3 angrier: 2.
		expect(back.mood).toBe(2);
	});

	it('a call on hold hangs up after its hold limit; held within it, it is still there to answer', () => {
		const atRing = run([...GOOD.slice(0, 8)]);
		const held = act(atRing, { kind: 'hold', task: 'refill' }).state;
		expect(statusOf(held, 'refill')).toBe('on-hold');
		expect(held.clock - atRing.clock).toBe(1);
		// Hold limit 4 minutes: working it within that time finds it waiting.
		const answered = act(held, work('refill')).state;
		expect(statusOf(answered, 'refill')).toBe('working');
		// Letting the clock run past the limit loses it.
		const lost = act(held, WAIT).state;
		expect(statusOf(lost, 'refill')).toBe('hung-up');
		expect(lost.log.find((l) => l.kind === 'hung-up')!.text).toMatch(/on hold/);
	});

	it('putting a call that must never wait on hold is a critical error', () => {
		const s = run([work('check-in'), choose('verify'), WAIT, { kind: 'hold', task: 'chest-pain' }]);
		expect(s.critical).toEqual(['A caller with chest pain was put on hold.']);
		// Switching away from the call mid-task puts it on hold just the same.
		const shift = fixture();
		const twoStep = run([work('check-in'), choose('verify'), WAIT, work('chest-pain'), work('portal')], 1, shift);
		expect(statusOf(twoStep, 'chest-pain')).toBe('on-hold');
		expect(twoStep.critical).toContain('A caller with chest pain was put on hold.');
	});

	it('a waiting person’s mood drops with the wait, and they meet the desk in that mood', () => {
		// Pat A arrives at 08:00 in mood 8 and loses a point every 5 minutes.
		let s = run([WAIT, WAIT]);
		expect(clockOf(s.clock)).toBe('08:05');
		expect(moodNow(s, s.tasks.find((t) => t.key === 'check-in')!)).toBe(7);
		const early = run([work('check-in')]);
		expect(early.tasks[0]!.attempt!.mood).toBe(8);
		const late = run([WAIT, WAIT, work('check-in')]);
		expect(late.tasks.find((t) => t.key === 'check-in')!.attempt!.mood).toBe(7);
	});

	it('refuses inputs that do not fit the moment, naming the problem', () => {
		const s = startShift(fixture(), 1);
		expect(() => act(s, work('refill'))).toThrow(/no task "refill" has arrived/);
		expect(() => act(s, choose('verify'))).toThrow(/no task is being worked/);
		expect(() => act(s, { kind: 'hold', task: 'check-in' })).toThrow(/only calls go on hold/);
	});
});

describe('consequences', () => {
	it('an option chosen in one task brings a later event; the other option does not', () => {
		const skipped = run([work('check-in'), choose('skip')]);
		expect(skipped.upcoming.map((a) => [a.eventId, clockOf(a.at)])).toContainEqual(['denial', '08:20']);
		expect(skipped.log.find((l) => l.kind === 'consequence')!.text).toMatch(/eligibility check/);
		const checked = run([work('check-in'), choose('verify')]);
		expect(checked.upcoming.some((a) => a.eventId === 'denial')).toBe(false);
	});

	it('a task not done by a time brings its consequence; done in time it does not', () => {
		// The portal message left unread past 08:40 becomes a callback at 08:45.
		const waiting = run([work('check-in'), choose('verify'), WAIT, work('chest-pain'), choose('call-911'), WAIT, work('refill'), choose('nurse'), WAIT]);
		// Nothing else is waiting, but the shift stays open: the 08:40 check is still to come, and the clock stops there.
		expect(waiting.finished).toBe(false);
		expect(clockOf(waiting.clock)).toBe('08:40');
		const left = act(waiting, WAIT).state;
		expect(left.tasks.some((t) => t.eventId === 'callback')).toBe(true);
		expect(clockOf(left.tasks.find((t) => t.eventId === 'callback')!.arrivedAt)).toBe('08:45');
		const done = run(GOOD);
		expect(done.fired).not.toContain('portal-not-passed-on');
		expect(done.finished).toBe(true);
	});

	it('a task set aside brings its consequence at the set time; worked, it does not', () => {
		const aside = run([{ kind: 'set-aside', task: 'check-in' }]);
		expect(aside.upcoming.find((a) => a.eventId === 'upset')!.at).toBe(8 * 60 + 30);
		expect(run(GOOD).fired).not.toContain('check-in-set-aside');
	});

	it('a deadline passing before anyone started the task counts as skipped', () => {
		// The check-in's deadline is 08:15; waiting it out brings the upset patient.
		const s = run([WAIT, WAIT, work('chest-pain'), choose('call-911'), WAIT]);
		expect(s.fired).toContain('check-in-set-aside');
	});
});

describe('scoring a shift', () => {
	it('a good morning passes with full prioritisation and timeliness', () => {
		const sum = summarizeShift(run(GOOD));
		expect(sum.finished).toBe(true);
		expect(sum.prioritisation.score).toBe(1);
		expect(sum.timeliness.notDone).toEqual([]);
		expect(sum.tasks).toBe(1);
		expect(sum.passed).toBe(true);
	});

	it('choosing routine work while an urgent call rings is a prioritisation miss', () => {
		const s = run([work('check-in'), choose('verify'), WAIT, work('portal'), choose('route')]);
		const sum = summarizeShift(s);
		expect(sum.prioritisation.misses).toEqual([expect.objectContaining({ chosen: 'portal', passedOver: 'chest-pain', ok: false })]);
		expect(sum.prioritisation.score).toBe(0);
		// While the portal message took two minutes, the unanswered call rang out.
		expect(statusOf(s, 'chest-pain')).toBe('hung-up');
		expect(summarizeShift(run(GOOD)).prioritisation).toMatchObject({ good: 1, of: 1 });
	});

	it('carrying on with routine work once an urgent task has arrived is a miss too', () => {
		// The portal message becomes two 2-minute steps: started at 08:04, the chest-pain call rings at 08:05, mid-task.
		const twoSteps = SHIFT.replace('minutes: 2\n    within: 30', 'minutes: 4\n    within: 30').replace(
			'# portal: Read the portal message\n',
			'# portal: Read the portal message\n\n## open: Open it\n```choice\noptions:\n  - id: read\n    text: Read it through.\n    evidence: { c.comm.phone: 1/1 }\n  - id: skim\n    text: Skim the first line.\n    feedback: Read it all.\n    evidence: { c.comm.phone: 0/1 }\nnext: read\n```\n'
		);
		const shift = fixture(twoSteps);
		const s = run([work('check-in'), choose('verify'), work('portal'), choose('read')], 1, shift);
		expect(clockOf(s.clock)).toBe('08:06');
		expect(summarizeShift(s).prioritisation.misses).toEqual([]);
		const carriedOn = act(s, choose('route')).state;
		expect(summarizeShift(carriedOn).prioritisation.misses).toEqual([expect.objectContaining({ chosen: 'portal', passedOver: 'chest-pain' })]);
		const switched = act(s, work('chest-pain')).state;
		expect(summarizeShift(switched).prioritisation.misses).toEqual([]);
	});

	it('work never finished scores zero and a critical error fails however good the rest', () => {
		const left = summarizeShift(toEnd(run([work('check-in'), choose('verify'), WAIT, work('chest-pain'), choose('call-911')])));
		expect(left.finished).toBe(true);
		expect(left.timeliness.notDone).toContain('portal');
		expect(left.tasks).toBeLessThan(1);
		const booked = summarizeShift(run([work('check-in'), choose('verify'), WAIT, work('chest-pain'), choose('book'), work('portal'), choose('route'), WAIT, work('refill'), choose('nurse')]));
		expect(booked.critical).toEqual(['Chest pain booked as a visit.']);
		expect(booked.passed).toBe(false);
	});
});

describe('replay', () => {
	it('a shift rebuilt from its seed and inputs equals the live state, step by step', () => {
		const shift = fixture();
		const inputs: ShiftInput[] = [work('check-in'), choose('skip'), WAIT, { kind: 'hold', task: 'chest-pain' }, work('portal'), choose('keep'), work('chest-pain'), choose('call-911'), WAIT, WAIT, WAIT, WAIT];
		let live = startShift(shift, 7);
		for (const [i, input] of inputs.entries()) {
			if (live.finished) break;
			live = act(live, input).state;
			expect(replayShift(shift, 7, inputs.slice(0, i + 1))).toEqual(live);
		}
		expect(JSON.parse(JSON.stringify(live))).toEqual(live);
	});

	it('the seed varies arrival times within the authored jitter, and the same seed gives the same day', () => {
		const shift = fixture(SHIFT.replace('at: "08:20"', 'at: "08:20"\n    jitter: 5'));
		const times = new Set<number>();
		for (let seed = 1; seed <= 20; seed++) {
			const at = startShift(shift, seed).upcoming.find((a) => a.eventId === 'refill')!.at;
			expect(Math.abs(at - (8 * 60 + 20))).toBeLessThanOrEqual(5);
			times.add(at);
			expect(startShift(shift, seed).upcoming).toEqual(startShift(shift, seed).upcoming);
		}
		expect(times.size).toBeGreaterThan(1);
	});
});

describe('shift files', () => {
	const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
	const errorsOf = (text: string) => parseShift(text, 'content/shifts/fixture-shift.md', { known }).errors;
	const cases: { name: string; from: string; to: string; at: string; says: RegExp }[] = [
		{ name: 'an event outside the shift', from: 'at: "08:20"', to: 'at: "09:20"', at: 'at: "09:20"', says: /arrives at 09:20, outside the shift/ },
		{ name: 'a consequence naming an unknown task', from: 'task: portal, notDoneBy', to: 'task: portl, notDoneBy', at: 'id: portal-not-passed-on', says: /unknown task "portl".*portal/ },
		{ name: 'a consequence naming an option the step lacks', from: 'with: [skip]', to: 'with: [skipp]', at: 'id: skipped-eligibility', says: /no option "skipp"/ },
		{ name: 'an event nothing brings', from: '    then: callback\n', to: '    then: denial\n', at: '  - id: callback', says: /"callback" has no "at" and no consequence brings it/ },
		{ name: 'a task no event owns', from: '# refill: A refill question', to: '# refil: A refill question', at: '# refil:', says: /task "refil" belongs to no event/ },
		{ name: 'call rules on a walk-in', from: '    decay: 5\n', to: '    decay: 5\n    call: { hangUpAfter: 3 }\n', at: 'call: { hangUpAfter: 3 }', says: /only calls ring/ },
		{ name: 'an unknown competency in a task (on its option)', from: 'evidence: { c.comm.difficult: 1/1 }', to: 'evidence: { c.comm.dificult: 1/1 }', at: '  - id: apologise', says: /unknown competency "c.comm.dificult"/ },
		{ name: 'a clock time written wrong', from: 'end: "09:00"', to: 'end: "9 am"', at: 'end: "9 am"', says: /24-hour time/ }
	];
	for (const c of cases)
		it(`refuses ${c.name}, on its line`, () => {
			const at = SHIFT.indexOf(c.from);
			expect(at).toBeGreaterThanOrEqual(0);
			const text = SHIFT.slice(0, at) + c.to + SHIFT.slice(at + c.from.length);
			const errors = errorsOf(text);
			expect(errors.map((e) => `${e.line}: ${e.message}`)).toContainEqual(expect.stringMatching(new RegExp(`^${lineOf(text, c.at)}: .*${c.says.source}`)));
		});

	it('every shipped shift validates with the clinic and the competencies, and is worked to the end', () => {
		const files = readContentFiles();
		delete files['content/codesets/icd10cm-2026.tsv'];
		delete files['content/codesets/hcpcs-2025oct.tsv'];
		const loaded = loadContent(files);
		expect(loaded.errors).toEqual([]);
		const shifts = loaded.content!.shifts;
		expect(shifts.length).toBeGreaterThanOrEqual(1);
		for (const shift of shifts) {
			const hours = (shift.end - shift.start) / 60;
			expect(hours).toBeGreaterThanOrEqual(2);
			expect(shift.meta.events.filter((e) => e.at !== undefined).length).toBeGreaterThanOrEqual(12);
			// Consequences cross tasks: what one task's choice causes arrives as another task.
			expect(shift.meta.consequences.filter((c) => c.then !== c.if.task).length).toBeGreaterThanOrEqual(3);
			for (const seed of [1, 2, 3]) {
				const good = summarizeShift(play(shift, seed, 'best'));
				expect(good.critical).toEqual([]);
				expect(good.passed).toBe(true);
				expect(good.prioritisation.score).toBe(1);
				const { inputs, ...live } = play(shift, seed, 'best');
				expect(live.fired).toEqual([]);
				expect(replayShift(shift, seed, inputs)).toEqual(live);
				const careless = play(shift, seed, 'worst');
				expect(careless.fired.length).toBeGreaterThanOrEqual(2);
				expect(summarizeShift(careless).passed).toBe(false);
			}
		}
	});
});
