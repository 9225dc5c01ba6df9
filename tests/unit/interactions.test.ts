import { describe, expect, it } from 'vitest';
import { answer, start, summarize } from '../../src/lib/engine';
import { mustParse } from './fixtures';

const DIALOGUE = `---
id: fixture-dialogue
title: "Angry at the window"
kind: communication
difficulty: 1
minutes: 3
summary: A patient whose mood moves with what the learner says.
competencies: [c.comm.difficult]
mood: 3
start: open
---

## open: At the window
\`\`\`dialogue
speaker: Mr. A
says: '"I have waited an hour!"'
replies:
  - id: empathize
    text: '"I am sorry, that is a long wait."'
    mood: 3
    feedback: Acknowledge first.
    evidence: { c.comm.difficult: 2/2 }
    next: middle
  - id: policy
    text: '"Please sit down."'
    mood: -1
    feedback: Dismissive.
    evidence: { c.comm.difficult: 0/2 }
    next: middle
exit: { atOrBelow: 1, next: walkout }
\`\`\`

## middle: Still there
\`\`\`dialogue
says: '"So what now?"'
replies:
  - id: options
    text: '"You can wait or rebook."'
    mood: 2
    evidence: { c.comm.difficult: 2/2 }
  - id: shrug
    text: '"Nothing I can do."'
    mood: -3
    feedback: Leaves him with nothing.
    evidence: { c.comm.difficult: 0/2 }
next: close
exit: { atOrBelow: 1, next: walkout }
\`\`\`

## close: Wrap up
\`\`\`choice
options:
  - id: thank
    text: Thank him
    evidence: { c.comm.difficult: 1/1 }
  - id: none
    text: Say nothing
    feedback: Close the loop.
    evidence: { c.comm.difficult: 0/1 }
next: end
\`\`\`

## walkout: He leaves
He walks out.

## debrief
Listen first.
`;

const TRIAGE = `---
id: fixture-triage
title: "Sort the calls"
kind: triage
difficulty: 1
minutes: 3
summary: Classify calls by urgency, then order callbacks.
competencies: [c.sched.triage]
start: sort
---

## sort: Messages
\`\`\`triage
prompt: Sort them
mode: classify
categories: [{ id: er, label: "911" }, { id: today, label: Today }, { id: routine, label: Routine }]
competencies: [c.sched.triage]
items:
  - { id: chest, text: Chest pain, category: er, feedback: Heart., critical: Chest pain not sent to 911. }
  - { id: uti, text: Burning, category: today, feedback: Same day. }
  - { id: refill, text: Refill, category: routine, feedback: Routine. }
next: order
\`\`\`

## order: Callbacks
\`\`\`triage
prompt: Order them
mode: order
competencies: [c.sched.triage]
items:
  - { id: first, text: First, feedback: Most urgent. }
  - { id: second, text: Second, feedback: Next. }
  - { id: third, text: Third, feedback: Then. }
  - { id: fourth, text: Fourth, feedback: Last. }
next: last
\`\`\`

## last: Document
\`\`\`choice
options:
  - { id: doc, text: Document, evidence: { c.sched.triage: 1/1 } }
  - { id: skip, text: Skip, feedback: Always document., evidence: { c.sched.triage: 0/1 } }
next: end
\`\`\`

## debrief
Triage saves lives.
`;

describe('dialogue', () => {
	const s = mustParse(DIALOGUE);

	it('moves the mood by the reply and reports before and after', () => {
		const r = answer(start(s, 1), { kind: 'dialogue', replyId: 'empathize' });
		expect(r.outcome.mood).toEqual({ before: 3, after: 6 });
		expect(r.state.mood).toBe(6);
		expect(r.state.stepId).toBe('middle');
	});

	it('ends the conversation early when the mood falls to the exit level', () => {
		const first = answer(start(s, 1), { kind: 'dialogue', replyId: 'policy' });
		expect(first.outcome.mood).toEqual({ before: 3, after: 2 });
		expect(first.state.stepId).toBe('middle');
		const r = answer(first.state, { kind: 'dialogue', replyId: 'shrug' });
		expect(r.outcome.mood).toEqual({ before: 2, after: 0 });
		expect(r.outcome.next).toBe('walkout');
		expect(r.state.stepId).toBeNull();
		expect(r.state.endingId).toBe('walkout');
		expect(summarize(r.state)).toMatchObject({ finished: true, passed: false });
	});

	it('keeps the mood within 0..10 and follows the path to a calm ending', () => {
		let st = answer(start(s, 1), { kind: 'dialogue', replyId: 'empathize' }).state;
		st = answer(st, { kind: 'dialogue', replyId: 'options' }).state;
		expect(st.mood).toBe(8);
		st = answer(st, { kind: 'choice', optionId: 'thank' }).state;
		expect(summarize(st)).toMatchObject({ earned: 5, possible: 5, passed: true });
	});
});

describe('triage', () => {
	const s = mustParse(TRIAGE);

	it('scores each item in the right category, the step worth its default weight', () => {
		const r = answer(start(s, 1), { kind: 'triage', placements: { chest: 'er', uti: 'routine', refill: 'routine' } });
		// 2 of 3 items right, scaled to the triage default weight of 4.
		expect(r.outcome.evidence).toEqual([{ competency: 'c.sched.triage', earned: 2.67, possible: 4 }]);
		expect(r.outcome.critical).toBeUndefined();
		expect(r.outcome.feedback[0]).toMatch(/Burning\*\* belongs in \*Today\*, not \*Routine\*/);
	});

	it('a misplaced emergency is a critical error', () => {
		const r = answer(start(s, 1), { kind: 'triage', placements: { chest: 'today', uti: 'today', refill: 'routine' } });
		expect(r.outcome.critical).toBe('Chest pain not sent to 911.');
		expect(r.outcome.verdict).toBe('wrong');
	});

	it('requires every item to be placed in a known category', () => {
		expect(() => answer(start(s, 1), { kind: 'triage', placements: { chest: 'er', uti: 'today' } })).toThrow(/item "refill" has no category/);
		expect(() => answer(start(s, 1), { kind: 'triage', placements: { chest: 'er', uti: 'today', refill: 'later' } })).toThrow(/unknown category "later"/);
	});

	it('scores an order by the share of pairs in the right relative order', () => {
		const sorted = answer(start(s, 1), { kind: 'triage', placements: { chest: 'er', uti: 'today', refill: 'routine' } }).state;
		const perfect = answer(sorted, { kind: 'triage', order: ['first', 'second', 'third', 'fourth'] });
		expect(perfect.outcome.evidence[0]).toMatchObject({ earned: 4, possible: 4 });
		const oneSwap = answer(sorted, { kind: 'triage', order: ['second', 'first', 'third', 'fourth'] });
		expect(oneSwap.outcome.evidence[0]).toMatchObject({ earned: 3, possible: 4 });
		const reversed = answer(sorted, { kind: 'triage', order: ['fourth', 'third', 'second', 'first'] });
		expect(reversed.outcome.evidence[0]).toMatchObject({ earned: 0, possible: 4 });
		expect(() => answer(sorted, { kind: 'triage', order: ['first', 'first', 'third', 'fourth'] })).toThrow(/every item exactly once/);
	});
});
