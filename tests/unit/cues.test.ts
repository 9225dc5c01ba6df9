import { describe, expect, it } from 'vitest';
import { cueWarnings, expectedCredit, RANDOM, STRATEGIES, type CueDecision } from '../../src/lib/content/cues';
import { bankFigures } from '../../src/lib/engine/test-wiseness';

const single = (...options: [string, number][]): CueDecision => ({
	where: 'x',
	mode: 'single',
	options: options.map(([text, credit], i) => ({ id: `o${i}`, text, credit }))
});
const strategy = (name: string) => STRATEGIES.find((s) => s.name === name)!;

describe('surface cues', () => {
	it('the longest-option strategy finds a key that is the longest, and misses one that is not', () => {
		const giveaway = single(['Refuse.', 0], ['Ask for the form, check it against the chart, then release the copy.', 1], ['Call the manager.', 0]);
		expect(expectedCredit(giveaway, strategy('longest'))).toBe(1);
		const fair = single(['Release the copy she asked for today.', 1], ['Ask her to fill in our own request form first.', 0], ['Send it once the doctor has reviewed it.', 0]);
		expect(expectedCredit(fair, strategy('longest'))).toBe(0);
		expect(expectedCredit(fair, RANDOM)).toBeCloseTo(1 / 3);
	});

	it('ties share the pick', () => {
		const tied = single(['Alpha', 1], ['Bravo', 0], ['Chi', 0]);
		expect(expectedCredit(tied, strategy('longest'))).toBe(0.5);
	});

	it('pick-all: the longer half is ticked, each option judged alone', () => {
		const d: CueDecision = {
			where: 'x',
			mode: 'all',
			options: [
				{ id: 'a', text: 'A long and careful option that is right', credit: 1 },
				{ id: 'b', text: 'Another long careful option, also right', credit: 1 },
				{ id: 'c', text: 'Short, wrong', credit: 0 },
				{ id: 'd', text: 'Wrong too', credit: 0 }
			]
		};
		expect(expectedCredit(d, strategy('longest'))).toBe(1);
		expect(expectedCredit(d, RANDOM)).toBe(0.5);
	});

	it('warns about a key much longer than the rest, absolutes only in distractors, and a lone courteous key', () => {
		const messages = (d: CueDecision) => cueWarnings(d).map((w) => w.message).join('\n');
		expect(messages(single(['No.', 0], ['Not today.', 0], ['Yes, once she signs the release form at the window.', 1]))).toMatch(/much longer/);
		expect(messages(single(['You must never do that.', 0], ['It is always refused.', 0], ['It depends on the form.', 1]))).toMatch(/always, never/);
		expect(messages(single(["I'm sorry, I understand.", 1], ['That is the rule here.', 0], ['Come back on Monday.', 0]))).toMatch(/courteous/);
		expect(cueWarnings(single(['Release it today.', 1], ['Refuse it today.', 0], ['Defer it a week.', 0]))).toEqual([]);
	});

	it('item bank figures are per domain and random is chance', () => {
		const item = (id: string, competency: string, key: 'a' | 'b' | 'c' | 'd') => ({
			id,
			competency,
			key,
			options: (['a', 'b', 'c', 'd'] as const).map((o) => ({ id: o, text: o === key ? 'the much longer right answer' : 'short', why: 'because it is so' }))
		});
		const figures = bankFigures([item('i1', 'cmaa.law.x', 'a'), item('i2', 'cmaa.law.y', 'c'), item('i3', 'cehrs.reporting.z', 'b')]);
		const law = figures.find((f) => f.domain === 'cmaa.law')!;
		expect(law.items).toBe(2);
		expect(law.byStrategy.longest).toBe(1);
		expect(law.byStrategy.random).toBe(0.25);
		expect(law.byStrategy.shortest).toBe(0);
	});
});
