import { describe, expect, it } from 'vitest';
import { answer, displayOrder, replay, start, summarize } from '../../src/lib/engine';
import type { Input } from '../../src/lib/engine';
import { mustParse, VALID } from './fixtures';

const scenario = mustParse(VALID);

describe('engine', () => {
	it('starts at the start step with nothing scored', () => {
		const s = start(scenario, 42);
		expect(s.stepId).toBe('one');
		expect(summarize(s)).toMatchObject({ earned: 0, possible: 0, finished: false, passed: false });
	});

	it('grades a choice, moves to its next step and records evidence', () => {
		const { state, outcome } = answer(start(scenario, 1), { kind: 'choice', optionId: 'good' });
		expect(outcome).toMatchObject({ stepId: 'one', next: 'two', verdict: 'best', evidence: [{ competency: 'c.law.disclosure', earned: 2, possible: 2 }] });
		expect(outcome.feedback).toEqual(['Why it is right.']);
		expect(state.stepId).toBe('two');
	});

	it('gives partial credit on pick-all-that-apply per option, the step worth its default weight', () => {
		let s = answer(start(scenario, 1), { kind: 'choice', optionId: 'good' }).state;
		const r = answer(s, { kind: 'multi-choice', optionIds: ['a', 'b'] });
		// 1 of 3 options handled right, scaled to the pick-all default weight of 4.
		expect(r.outcome.evidence).toEqual([{ competency: 'c.comm.phone', earned: 1.33, possible: 4 }]);
		expect(r.outcome.verdict).toBe('partial');
		// The feedback teaches from the mistakes first.
		expect(r.outcome.feedback[0]).toContain('Should not be picked: B');
		expect(r.outcome.feedback[1]).toContain('Missed: C');
		s = r.state;
		expect(s.stepId).toBe('three');
	});

	it('passes at the pass mark with no critical error', () => {
		const inputs: Input[] = [
			{ kind: 'choice', optionId: 'good' },
			{ kind: 'multi-choice', optionIds: ['a', 'c'] },
			{ kind: 'choice', optionId: 'x' }
		];
		const s = replay(scenario, 7, inputs);
		expect(s.stepId).toBeNull();
		expect(summarize(s)).toMatchObject({ earned: 7, possible: 7, score: 1, passed: true, finished: true, critical: [] });
	});

	it('fails below the pass mark', () => {
		const s = replay(scenario, 7, [
			{ kind: 'choice', optionId: 'good' },
			{ kind: 'multi-choice', optionIds: ['b'] },
			{ kind: 'choice', optionId: 'y' }
		]);
		const sum = summarize(s);
		expect(sum.score).toBeCloseTo(2 / 7);
		expect(sum.passed).toBe(false);
	});

	it('a critical error fails the scenario and the path ends on its ending step', () => {
		const { state, outcome } = answer(start(scenario, 3), { kind: 'choice', optionId: 'bad' });
		expect(outcome.critical).toBe('Disclosed PHI.');
		expect(outcome.verdict).toBe('wrong');
		expect(state.stepId).toBeNull();
		expect(state.endingId).toBe('oops');
		expect(summarize(state)).toMatchObject({ finished: true, passed: false, critical: ['Disclosed PHI.'] });
	});

	it('rejects input for an unknown option and after the end', () => {
		expect(() => answer(start(scenario, 1), { kind: 'choice', optionId: 'nope' })).toThrow(/unknown option "nope"/);
		expect(() => answer(start(scenario, 1), { kind: 'dialogue', replyId: 'good' })).toThrow(/expected a choice answer/);
		const done = answer(start(scenario, 1), { kind: 'choice', optionId: 'bad' }).state;
		expect(() => answer(done, { kind: 'choice', optionId: 'good' })).toThrow(/already finished/);
	});

	it('replaying the inputs gives exactly the live state', () => {
		const inputs: Input[] = [
			{ kind: 'choice', optionId: 'good' },
			{ kind: 'multi-choice', optionIds: ['c'] }
		];
		let live = start(scenario, 99);
		for (const i of inputs) live = answer(live, i).state;
		expect(replay(scenario, 99, inputs)).toEqual(live);
	});

	it('the same seed gives the same display order; the order is a permutation', () => {
		const a = displayOrder(start(scenario, 5), 'two');
		expect(displayOrder(start(scenario, 5), 'two')).toEqual(a);
		expect([...a].sort()).toEqual(['a', 'b', 'c']);
		const orders = new Set(Array.from({ length: 30 }, (_, seed) => displayOrder(start(scenario, seed), 'two').join()));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('picks a variant from the seed, the same one for the same seed', () => {
		const v = mustParse(VALID.replace('The phone rings.', 'At {{time}}.').replace('start: one', 'start: one\nvariants:\n  - { time: "9:10" }\n  - { time: "2:40" }\n  - { time: "4:05" }'));
		expect(start(v, 11).variant).toEqual(start(v, 11).variant);
		const seen = new Set(Array.from({ length: 40 }, (_, seed) => start(v, seed).variant.time));
		expect(seen).toEqual(new Set(['9:10', '2:40', '4:05']));
	});
});
