/**
 * Odd input that used to crash or mislead (issue 16, "Crashes on odd input" and "Smaller"): ids that
 * are names of Object's own keys, duplicates, impossible dates and CSV cells a spreadsheet would run.
 */
import { describe, expect, it } from 'vitest';
import { parse, VALID, mustParse } from './fixtures';
import { answer, replay, start } from '../../src/lib/engine';
import { graders } from '../../src/lib/engine/interactions';

const messages = (text: string) => parse(text).errors.map((e) => e.message);

describe('ids named like Object.prototype keys', () => {
	it('a fence named constructor, toString or hasOwnProperty is an unknown interaction kind, not a crash', () => {
		for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
			const text = VALID.replace('```multi-choice', '```' + name);
			expect(() => parse(text)).not.toThrow();
			expect(messages(text)).toContainEqual(expect.stringContaining(`unknown interaction kind "${name}"`));
		}
	});

	it('a step called constructor is a step like any other, not a duplicate', () => {
		const text = VALID.replace('next: two', 'next: constructor').replace('## two: Second', '## constructor: Second');
		expect(messages(text)).toEqual([]);
		const s = mustParse(text);
		const { state } = answer(start(s, 1), { kind: 'choice', optionId: 'good' });
		expect(state.stepId).toBe('constructor');
	});

	it('a start or a next that names constructor is a step that does not exist', () => {
		expect(messages(VALID.replace('start: one', 'start: constructor'))).toContain('start step "constructor" does not exist');
		expect(messages(VALID.replace('next: two', 'next: constructor'))).toContain('step "one" leads to "constructor", which does not exist');
	});

	it('the engine refuses a state whose step is constructor instead of grading Object', () => {
		const s = mustParse(VALID);
		expect(() => answer({ ...start(s, 1), stepId: 'constructor' }, { kind: 'choice', optionId: 'good' })).toThrow('step "constructor" does not exist');
		expect(replay(s, 1, [{ kind: 'choice', optionId: 'good' }]).stepId).toBe('two');
	});
});

describe('answers keyed by authored ids', () => {
	it('a triage item or verify row called constructor that the answer leaves out is named as missing', () => {
		const triage = graders.triage.check({ mode: 'classify', prompt: 'p', categories: [{ id: 'now', label: 'Now' }], items: [{ id: 'constructor', text: 'x', category: 'now', feedback: 'f' }], competencies: ['c'] } as never, { kind: 'triage', placements: {} });
		expect(triage).toBe('item "constructor" has no category');
		const verify = graders.verify.check({ rows: [{ id: 'toString', label: 'Plan', action: 'ok' }], actions: [] } as never, { kind: 'verify', actions: {}, collect: '0.00' });
		expect(verify).toBe('decide what to do about "Plan"');
	});
});
