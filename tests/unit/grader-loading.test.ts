import { describe, expect, it, vi } from 'vitest';
import { parse } from './fixtures';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';

// Scenario pages load graders per kind. The setup file registers every grader, as Node code does, so
// each test here takes fresh module instances: a registry holding only the built-in kinds.
async function fresh() {
	vi.resetModules();
	const [engine, attempts, shiftRuns, db] = await Promise.all([import('../../src/lib/engine'), import('../../src/lib/attempts'), import('../../src/lib/shift-runs'), import('../../src/lib/db')]);
	return { engine, attempts, shiftRuns, db };
}

const TRIAGE_FIRST = `---
id: fixture-triage-first
title: "Sort then say"
kind: triage
difficulty: 1
minutes: 3
summary: A triage step, then a choice.
competencies: [c.sched.triage]
start: sort
---

## sort: Messages
\`\`\`triage
prompt: Sort them
mode: classify
categories: [{ id: er, label: "911" }, { id: routine, label: Routine }]
competencies: [c.sched.triage]
items:
  - { id: chest, text: Chest pain, category: er, feedback: Heart. }
  - { id: refill, text: Refill, category: routine, feedback: Routine. }
next: say
\`\`\`

## say: Document
\`\`\`choice
options:
  - { id: doc, text: Document it, evidence: { c.sched.triage: 1/1 } }
  - { id: skip, text: Skip it, feedback: Always document., evidence: { c.sched.triage: 0/1 } }
next: end
\`\`\`

## debrief
Triage saves lives.
`;
const scenario = (() => {
	const r = parse(TRIAGE_FIRST, 1);
	if (!r.scenario) throw new Error(r.errors.map((e) => e.message).join('\n'));
	return r.scenario;
})();
const sorted = { kind: 'triage', placements: { chest: 'er', refill: 'routine' } } as const;

describe('graders loaded per kind', () => {
	it('the engine refuses a step whose grader is not loaded, naming the kind, and grades it once loaded', async () => {
		const { engine } = await fresh();
		const begun = engine.start(scenario, 1);
		expect(() => engine.answer(begun, sorted)).toThrow(engine.GraderNotLoaded);
		expect(() => engine.answer(begun, sorted)).toThrow(/grader for "triage" steps is not loaded/);
		expect(() => engine.displayOrder(begun, 'sort')).toThrow(/"triage"/);
		expect(() => engine.replay(scenario, 1, [sorted])).toThrow(/"triage"/);
		await engine.loadGraders(['triage']);
		const { state, outcome } = engine.answer(begun, sorted);
		expect(outcome).toMatchObject({ verdict: 'best', evidence: [{ competency: 'c.sched.triage', earned: 4, possible: 4 }] });
		// The choice that follows needs nothing loaded: choice, multi-choice and dialogue are built in.
		expect(engine.answer(state, { kind: 'choice', optionId: 'doc' }).outcome.verdict).toBe('best');
	});

	it('an unknown kind is refused by name', async () => {
		const { engine } = await fresh();
		await expect(engine.loadGraders(['telepathy' as never])).rejects.toThrow('there is no grader for "telepathy" steps');
	});

	it('starting, answering and reopening an attempt load the graders they need', async () => {
		const { attempts, db } = await fresh();
		const store = new db.MemoryStore();
		const { record, state } = await attempts.beginAttempt(store, 'l1', scenario, 1, 1);
		const answered = await attempts.recordAnswer(store, record, state, sorted, 2);
		expect(answered.outcome.verdict).toBe('best');
		// A reload: fresh modules again, the stored attempt replayed with nothing loaded by the caller.
		const again = await fresh();
		const reopened = await again.attempts.reopenAttempt(store, answered.record, scenario);
		expect(reopened.ok && reopened.state.outcomes.map((o) => o.verdict)).toEqual(['best']);
	});

	it('working and reopening a shift load the graders of its tasks', async () => {
		// The shipped shifts' tasks are choices and replies: one task here becomes the triage scenario.
		const shipped = loadContent(readContentFiles()).content!.shifts.find((s) => s.meta.id === 'morning-rush')!;
		const event = shipped.meta.events[0]!.id;
		const shift = { ...shipped, tasks: { ...shipped.tasks, [event]: scenario } };
		const { shiftRuns, db } = await fresh();
		const store = new db.MemoryStore();
		let { run, state } = await shiftRuns.beginShiftRun(store, 'l1', shift, 11, 1);
		const send = async (input: Parameters<typeof shiftRuns.recordShiftInput>[3]) => ({ run, state } = await shiftRuns.recordShiftInput(store, run, state, input, 2 + run.inputs.length));
		const task = () => state.tasks.find((t) => t.eventId === event);
		for (let guard = 0; !task() && guard < 50; guard++) await send({ kind: 'wait' });
		await send({ kind: 'work', task: task()!.key });
		await send({ kind: 'answer', input: sorted });
		expect(task()!.attempt!.outcomes.map((o) => o.verdict)).toEqual(['best']);
		const again = await fresh();
		const reopened = await again.shiftRuns.reopenShiftRun(run, shift);
		expect(reopened.ok && reopened.state.tasks.find((t) => t.eventId === event)!.attempt!.outcomes.map((o) => o.verdict)).toEqual(['best']);
	});
});
