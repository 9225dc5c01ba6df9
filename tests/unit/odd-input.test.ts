/**
 * Odd input that used to crash or mislead (issue 16, "Crashes on odd input" and "Smaller"): ids that
 * are names of Object's own keys, duplicates, impossible dates and CSV cells a spreadsheet would run.
 */
import { describe, expect, it } from 'vitest';
import { parse, VALID, mustParse } from './fixtures';
import { answer, replay, start } from '../../src/lib/engine';
import { graders } from '../../src/lib/engine/interactions/all';
import { Assignment, CLOCK_SKEW_MS, decodeAssignment } from '../../src/lib/assign/assignment';
import { buildResult, MAX_RESULT_BYTES, openResult, sealResult } from '../../src/lib/assign/results';
import { MAX_PROGRESS_BYTES } from '../../src/lib/db/transfer';
import { importLearner } from '../../src/lib/progress-io';
import { buildGradebook, csvCell } from '../../src/lib/assign/gradebook';
import { MemoryStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';

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
		expect(messages(VALID.replace('next: two', 'next: constructor'))).toContain('option "good" of step "one" leads to "constructor", which is not a step of this scenario');
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

describe('assignments: duplicates and dates', () => {
	const base = {
		format: 'front-desk-simulator/assignment',
		version: 1,
		id: 'asg-odd-input-1',
		title: 'Odd input',
		scenarios: ['fixture-valid'],
		createdAt: Date.UTC(2026, 0, 5)
	};
	const decode = (a: object, now = Date.UTC(2026, 0, 6)) => decodeAssignment(JSON.stringify({ ...base, ...a }), now);

	it('a scenario listed twice, or carried twice, is refused by name', async () => {
		expect(await decode({ scenarios: ['fixture-valid', 'constructor', 'fixture-valid'] })).toEqual({ ok: false, error: 'The assignment has a problem at scenarios: lists "fixture-valid" twice (each scenario once).' });
		const source = VALID.replace('id: fixture-valid', 'id: custom-x');
		expect(await decode({ scenarios: ['custom-x'], custom: [{ id: 'custom-x', source }, { id: 'custom-x', source }] })).toEqual({ ok: false, error: 'The assignment has a problem at custom: carries "custom-x" twice (each scenario once).' });
	});

	it('a due date that is not a day of the calendar is refused by name', async () => {
		for (const due of ['2025-13-45', '2025-02-29', '2026-04-31', '2026-00-10'])
			expect(await decode({ due })).toEqual({ ok: false, error: 'The assignment has a problem at due: must be a day of the calendar (month 01-12, a day the month has).' });
		expect(await decode({ due: '2028-02-29' })).toMatchObject({ ok: true });
		expect(await decode({ due: 'soon' })).toEqual({ ok: false, error: 'The assignment has a problem at due: must be a date written YYYY-MM-DD.' });
	});

	it('an assignment made in the future (so no attempt would count) is refused, with the clocks named', async () => {
		const r = await decode({ createdAt: Date.UTC(2026, 0, 7) });
		expect(r).toEqual({ ok: false, error: expect.stringContaining('2026-01-07 00:00 (UTC), which is in the future, so no work would count') });
		// A few minutes' difference between two computers' clocks is not refused.
		expect(await decode({ createdAt: Date.UTC(2026, 0, 6) + CLOCK_SKEW_MS })).toMatchObject({ ok: true });
		expect(await decode({ createdAt: 1e300 })).toMatchObject({ ok: false, error: expect.stringContaining('problem at createdAt') });
	});
});

describe('result files and the gradebook', () => {
	const scenario = mustParse(VALID);
	const assignment = Assignment.parse({ format: 'front-desk-simulator/assignment', version: 1, id: 'asg-odd-input-2', title: 'Odd input', scenarios: [scenario.meta.id], createdAt: 1 });

	async function attemptOf(learnerId: string, at: number) {
		const store = new MemoryStore();
		const a = await beginAttempt(store, learnerId, scenario, 7, at);
		await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, at + 120_000);
		const attempts = await store.listAttempts(learnerId);
		return { attempts, inputs: await store.getInputsOf(attempts.map((x) => x.id)) };
	}

	it('minutes from impossible timestamps are never below zero or over an hour per attempt', async () => {
		const { attempts, inputs } = await attemptOf('l-1', Date.UTC(2026, 0, 5));
		const backwards = attempts.map((a) => ({ ...a, updatedAt: 0 }));
		const forwards = attempts.map((a) => ({ ...a, updatedAt: a.startedAt + 16e12 }));
		const files = [
			{ name: 'a.json', text: sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-1', name: 'Student' }, backwards, inputs, Date.UTC(2026, 0, 6))) },
			{ name: 'b.json', text: sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-2', name: 'Student' }, forwards.map((a) => ({ ...a, id: `${a.id}-2`, learnerId: 'l-2' })), inputs.map((i) => ({ ...i, attemptId: `${i.attemptId}-2` })), Date.UTC(2026, 0, 6))) }
		];
		const gb = buildGradebook(assignment, files);
		expect(gb.problems).toEqual([]);
		expect(gb.rows.map((r) => r.cells[scenario.meta.id]!.minutes).sort()).toEqual([0, 60]);
		// Two students with the same display name are two rows, told apart by learner id.
		expect(gb.rows.map((r) => [r.name, r.learnerId]).sort()).toEqual([['Student', 'l-1'], ['Student', 'l-2']]);
	});

	it('a result file holding one attempt twice is refused by name (the gradebook keys its replay buttons by attempt)', async () => {
		const { attempts, inputs } = await attemptOf('l-1', Date.UTC(2026, 0, 5));
		const text = sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-1', name: 'Ana' }, [attempts[0]!, attempts[0]!], inputs, Date.UTC(2026, 0, 6)));
		expect(openResult(text)).toEqual({ ok: false, error: `has a problem at attempts.1: attempt ${attempts[0]!.id} appears twice` });
	});
});

describe('gradebook CSV cells a spreadsheet would run', () => {
	it('defuses every start OWASP lists, after blanks too, and after a semicolon or comma', () => {
		for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', ' =1', '\u00a0=1', '\u00a0\u00a0@x', '\n-1', '\tplain', '\rplain'])
			expect(csvCell(bad), JSON.stringify(bad)).toBe(`"'${bad}"`);
		expect(csvCell('Ana;=HYPERLINK("http://x")')).toBe(`"Ana;'=HYPERLINK(""http://x"")"`);
		expect(csvCell('Ana, =1')).toBe(`"Ana,' =1"`);
		expect(csvCell('Ana;plain')).toBe('"Ana;plain"');
		expect(csvCell('Ana-Maria López')).toBe('Ana-Maria López');
		expect(csvCell('82')).toBe('82');
	});
});

describe('files over the size limit', () => {
	it('a progress file or a result file over its limit is called too large, with the limit, before it is read', async () => {
		const store = new MemoryStore();
		const r = await importLearner(store, '', MAX_PROGRESS_BYTES + 1);
		expect(r).toMatchObject({ ok: false, error: 'The file is too large (40.1 MB; a progress file is at most 40 MB).' });
		expect(await store.listLearners()).toEqual([]);
		expect(openResult('', MAX_RESULT_BYTES + 1)).toEqual({ ok: false, error: 'too large (10.1 MB; a result file is at most 10 MB)' });
	});
});
