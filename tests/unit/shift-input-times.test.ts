/**
 * A shift run keeps the wall-clock time of each input beside its inputs (never in them: the engine
 * replays on its own clock), so the LRS and the LMS are told when each answer was given, not only when
 * the run ended. Runs stored before the times were kept fall back to the run's end. Files carrying
 * times are checked: one per input, never going back.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildResult, openResult, sealResult } from '../../src/lib/assign/results';
import { DexieStore, MemoryStore, ProgressDb, type Learner, type ProgressStore, type ShiftRun } from '../../src/lib/db';
import { replayShift, type ShiftInput } from '../../src/lib/engine/shift';
import { countedShiftDecisions, shiftDecisionsOf } from '../../src/lib/lms/shift-decisions';
import { assignmentStanding } from '../../src/lib/lms/standing';
import { scormReport } from '../../src/lib/lms/scorm-report';
import { readSuspendData, suspendData } from '../../src/lib/lms/suspend';
import { VERBS, buildStatements } from '../../src/lib/lms/xapi';
import { exportLearner, importLearner } from '../../src/lib/progress-io';
import { beginShiftRun, loadShiftGraders, recordShiftInput, shiftSummaryOf } from '../../src/lib/shift-runs';
import { play } from '../support/shift-player';

const content = loadContent(readContentFiles()).content!;
const shift = content.shifts.find((s) => s.meta.id === 'morning-rush')!;
const shifts = new Map([[shift.meta.id, shift]]);
const ana: Learner = { id: 'learner-1', name: 'Ana Lopez', createdAt: 1_000 };
const APP = 'https://college.example/sim/';

const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-shift-times-01',
	title: 'Week 5: a morning at the desk',
	scenarios: [],
	shifts: [shift.meta.id],
	attemptsAllowed: 3,
	passMark: 0.7,
	createdAt: 1_000
});

const T0 = Date.UTC(2026, 10, 25, 14, 0, 0);
/** Input n made 37 s plus n s after the one before it: every time differs, and none is the run's end. */
const timeOf = (n: number) => T0 + (n + 1) * 37_000 + (n * (n + 1)) / 2 * 1000;

/** A finished run of the assignment, stored as the desk stores it; `times: false` is a run from before times were kept. */
function run(id: string, opts: { times?: boolean } = {}): ShiftRun {
	const inputs = play(shift, 11, 'worst').inputs;
	const state = replayShift(shift, 11, inputs);
	const inputTimes = inputs.map((_, n) => timeOf(n));
	const end = inputTimes.at(-1)! + 5_000;
	return {
		id,
		learnerId: ana.id,
		shiftId: shift.meta.id,
		contentHash: shift.hash,
		seed: 11,
		inputs,
		...(opts.times === false ? {} : { inputTimes }),
		startedAt: T0,
		updatedAt: end,
		finishedAt: end,
		...shiftSummaryOf(state, assignment.passMark),
		assignmentId: assignment.id,
		passMark: assignment.passMark
	};
}

/** The time of each answer input, in order: each answer given in a shift is one `answer` input. */
const answerTimes = (r: ShiftRun) => r.inputs.flatMap((i, n) => (i.kind === 'answer' ? [r.inputTimes![n]!] : []));

function statementsOf(runs: ShiftRun[]) {
	const standing = assignmentStanding(assignment, [], undefined, runs);
	const { decisions, problems } = countedShiftDecisions(standing, shifts);
	expect(problems).toEqual([]);
	const statements = buildStatements({
		assignment,
		learner: { id: ana.id, name: ana.name },
		account: { homePage: 'https://lms.college.example', name: 'S1' },
		appUrl: APP,
		standing,
		decisions: [],
		launches: [2_000],
		scenarios: new Map(),
		shifts: new Map([[shift.meta.id, { title: shift.meta.title, summary: shift.meta.summary }]]),
		shiftDecisions: decisions
	});
	return { standing, decisions, answered: statements.filter((s) => s.verb.id === VERBS.answered) };
}

beforeAll(() => loadShiftGraders(shift));

describe('the desk records when each input was made', () => {
	it('a new run keeps one time per input, in step with its inputs; a clock set back never makes a time go back', async () => {
		const store = new MemoryStore();
		await store.putLearner(ana);
		const moves = play(shift, 11, 'best').inputs.slice(0, 4);
		let { run: r, state } = await beginShiftRun(store, ana.id, shift, 11, T0);
		expect(r.inputTimes).toEqual([]);
		const clock = [T0 + 60_000, T0 + 120_000, T0 + 90_000 /* set back */, T0 + 200_000];
		for (const [n, move] of moves.entries()) ({ run: r, state } = await recordShiftInput(store, r, state, move, clock[n]!));
		const stored = (await store.getShiftRun(r.id))!;
		expect(stored.inputs).toEqual(moves);
		expect(stored.inputTimes).toEqual([T0 + 60_000, T0 + 120_000, T0 + 120_000, T0 + 200_000]);
		// The engine never saw the times: the stored inputs replay to the same state.
		expect(replayShift(shift, 11, stored.inputs)).toEqual(state);
	});

	it('a run stored before times were kept goes on without them (its answers are dated at its end)', async () => {
		const store = new MemoryStore();
		await store.putLearner(ana);
		const moves = play(shift, 11, 'best').inputs.slice(0, 3);
		const begun = await beginShiftRun(store, ana.id, shift, 11, T0);
		const { inputTimes: _, ...old } = (await recordShiftInput(store, begun.run, begun.state, moves[0]!, T0 + 1)).run;
		await store.advanceShiftRun(old, 1);
		const next = await recordShiftInput(store, old, replayShift(shift, 11, old.inputs), moves[1]!, T0 + 2);
		expect(next.run.inputs).toHaveLength(2);
		expect((await store.getShiftRun(old.id))!.inputTimes).toBeUndefined();
	});
});

describe('xAPI: each answered statement of a shift run is dated when the answer was given', () => {
	it('a run with times: each answer at its own input time, all before the run ended', () => {
		const r = run('11111111-2222-4333-8444-555555555555');
		const { decisions, answered } = statementsOf([r]);
		const expected = answerTimes(r);
		expect(decisions.length).toBeGreaterThan(3);
		expect(decisions).toHaveLength(expected.length);
		// Sorted by time, the answered statements carry the answers' times in order, all distinct.
		expect(answered.map((s) => s.timestamp)).toEqual(expected.map((t) => new Date(t).toISOString()));
		expect(new Set(answered.map((s) => s.timestamp)).size).toBe(expected.length);
		expect(answered.every((s) => s.timestamp < new Date(r.finishedAt!).toISOString())).toBe(true);
	});

	it('a run from before times were kept: every answer at the run’s end, with the same statement ids', () => {
		const withTimes = statementsOf([run('11111111-2222-4333-8444-555555555555')]).answered;
		const without = statementsOf([run('11111111-2222-4333-8444-555555555555', { times: false })]);
		const end = new Date(run('x', { times: false }).finishedAt!).toISOString();
		expect(without.answered.map((s) => s.timestamp)).toEqual(without.answered.map(() => end));
		expect(new Set(without.answered.map((s) => s.id))).toEqual(new Set(withTimes.map((s) => s.id)));
	});

	it('times that do not match the inputs (a damaged record) are not used: the answers fall back to the run’s end', () => {
		const r = run('11111111-2222-4333-8444-555555555555');
		const d = shiftDecisionsOf(shift, { ...r, inputTimes: r.inputTimes!.slice(1) });
		expect(d.ok && d.decisions.every((x) => x.answeredAt === r.finishedAt)).toBe(true);
	});
});

describe('SCORM: each interaction of a shift run carries its answer’s time', () => {
	const values = (list: [string, string][], field: string) => list.filter(([e]) => new RegExp(`^cmi\\.interactions\\.\\d+\\.${field}$`).test(e)).map(([, v]) => v);

	it('SCORM 2004 timestamp and SCORM 1.2 time, accepted by the runtime', () => {
		const r = run('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
		const standing = assignmentStanding(assignment, [], undefined, [r]);
		const { decisions } = countedShiftDecisions(standing, shifts);
		const expected = answerTimes(r);
		const v2004 = scormReport('scorm2004', { standing, decisions, written: [] });
		expect(values(v2004, 'timestamp')).toEqual(expected.map((t) => new Date(t).toISOString().replace(/(\.\d\d)\dZ$/, '$1Z')));
		const v12 = scormReport('scorm12', { standing, decisions, written: [] });
		expect(values(v12, 'time')).toEqual(expected.map((t) => new Date(t).toISOString().slice(11, 19)));
		const api2004 = new Scorm2004API({ logLevel: 5 });
		api2004.Initialize('');
		for (const [e, v] of v2004) expect(api2004.SetValue(e, v), `${e}=${v}`).toBe('true');
		const api12 = new Scorm12API({ logLevel: 5 });
		api12.LMSInitialize('');
		for (const [e, v] of v12) expect(api12.LMSSetValue(e, v), `${e}=${v}`).toBe('true');
	});

	it('an answer given before decisions already reported (a scenario worked mid-shift) is still sent when the run ends, and only once', () => {
		const r = run('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
		const standing = assignmentStanding(assignment, [], undefined, [r]);
		const { decisions } = countedShiftDecisions(standing, shifts);
		// Suspend data from a session that reported something made between the run's first and last answers.
		const times = answerTimes(r);
		const midShift = (times[0]! + times.at(-1)!) / 2;
		const first = scormReport('scorm12', { standing, decisions, written: [], reportedUntil: midShift });
		expect(values(first, 'id')).toHaveLength(decisions.length);
		// The next SCORM 1.2 session (interactions are write-only) reads how far the last one went and sends none again.
		const until = Math.max(midShift, ...decisions.map((d) => d.at));
		const carried = readSuspendData(assignment, suspendData('scorm12', assignment, standing, until));
		expect(values(scormReport('scorm12', { standing, decisions, written: [], reportedUntil: carried.reportedUntil }), 'id')).toEqual([]);
	});
});

let n = 0;
const dbs: Dexie[] = [];
afterEach(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});
const freshDexie = () => {
	const db = new ProgressDb(`shift-times-${++n}`);
	dbs.push(db);
	return new DexieStore(db);
};

/** A store holding Ana and one run. */
async function holding(store: ProgressStore, r: ShiftRun) {
	await store.putLearner(ana);
	await store.createShiftRun(r);
	return store;
}

for (const [name, make] of [
	['IndexedDB (Dexie)', freshDexie],
	['memory', () => new MemoryStore()]
] as [string, () => ProgressStore][]) {
	describe(`input times in the progress file: ${name}`, () => {
		it('travel with the run: exported, imported on another computer, and dated the same there', async () => {
			const r = run('run-1');
			const file = await exportLearner(await holding(make(), r), ana, T0 + 3_600_000);
			expect(file.shiftRuns![0]!.inputTimes).toEqual(r.inputTimes);
			const to = make();
			expect(await importLearner(to, JSON.stringify(file))).toMatchObject({ ok: true, shiftRuns: 1 });
			const there = (await to.getShiftRun('run-1'))!;
			expect(there.inputTimes).toEqual(r.inputTimes);
			expect(statementsOf([there]).answered.map((s) => s.timestamp)).toEqual(answerTimes(r).map((t) => new Date(t).toISOString()));
		});

		it('a run continued elsewhere brings the times of its new inputs', async () => {
			const full = run('run-1');
			const k = 5;
			const short: ShiftRun = { ...full, inputs: full.inputs.slice(0, k), inputTimes: full.inputTimes!.slice(0, k), status: 'in-progress' };
			delete short.finishedAt;
			const here = await holding(make(), short);
			const file = await exportLearner(await holding(new MemoryStore(), full), ana, T0 + 3_600_000);
			expect(await importLearner(here, JSON.stringify(file))).toMatchObject({ ok: true, shiftRuns: 1 });
			expect((await here.getShiftRun('run-1'))!.inputTimes).toEqual(full.inputTimes);
		});

		it('a file from before times were kept still imports, and its run is dated at its end', async () => {
			const r = run('run-1', { times: false });
			const file = JSON.parse(JSON.stringify(await exportLearner(await holding(new MemoryStore(), r), ana, T0)));
			expect('inputTimes' in file.shiftRuns[0]).toBe(false);
			const to = make();
			expect(await importLearner(to, JSON.stringify(file))).toMatchObject({ ok: true, shiftRuns: 1 });
			const there = (await to.getShiftRun('run-1'))!;
			expect(there.inputTimes).toBeUndefined();
			expect(new Set(statementsOf([there]).answered.map((s) => s.timestamp))).toEqual(new Set([new Date(r.finishedAt!).toISOString()]));
		});
	});
}

describe('bad input times are refused by name, and nothing is written', () => {
	type Change = (times: unknown[], inputs: ShiftInput[]) => unknown;
	const cases: [string, Change, RegExp][] = [
		['one time too few', (t) => t.slice(1), /shiftRuns\[0\]\.inputTimes: must hold one time per input \(\d+ times for \d+ inputs\)/],
		['one time too many', (t) => [...t, t.at(-1)], /shiftRuns\[0\]\.inputTimes: must hold one time per input/],
		['times going back', (t) => t.map((x, n) => (n === 3 ? (t[2] as number) - 1 : x)), /shiftRuns\[0\]\.inputTimes\[3\]: must not be earlier than the time before it \(input 4 is dated before input 3\)/],
		['a time as text', (t) => t.map((x, n) => (n === 2 ? 'ten past nine' : x)), /shiftRuns\[0\]\.inputTimes\[2\]: .*number/],
		['a negative time', (t) => t.map((x, n) => (n === 0 ? -5 : x)), /shiftRuns\[0\]\.inputTimes\[0\]: Too small/],
		['a fractional time', (t) => t.map((x, n) => (n === 1 ? 1.5 : x)), /shiftRuns\[0\]\.inputTimes\[1\]: .*expected int/],
		['not a list', () => 12, /shiftRuns\[0\]\.inputTimes: .*array/]
	];

	it.each(cases)('a progress file with %s', async (_, change, message) => {
		const r = run('run-1');
		const file = JSON.parse(JSON.stringify(await exportLearner(await holding(new MemoryStore(), r), ana, T0)));
		file.shiftRuns[0].inputTimes = change(file.shiftRuns[0].inputTimes, r.inputs);
		const to = freshDexie();
		await to.putLearner(ana);
		const result = await importLearner(to, JSON.stringify(file));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
		expect(await to.listShiftRuns(ana.id)).toEqual([]);
	});

	it('a sealed result file with times going back is refused by name; one with good times opens with them', () => {
		const r = run('run-1');
		const sealed = (inputTimes: number[]) => sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: ana.id, name: ana.name }, [], [], T0 + 3_600_000, undefined, [{ ...r, inputTimes }]));
		const good = openResult(sealed(r.inputTimes!));
		expect(good.ok && good.result.shiftRuns![0]!.inputTimes).toEqual(r.inputTimes);
		const back = openResult(sealed(r.inputTimes!.map((t, n) => (n === 1 ? T0 - 1 : t))));
		expect(back).toEqual({ ok: false, error: 'has a problem at shiftRuns.0.inputTimes.1: must not be earlier than the time before it (input 2 is dated before input 1)' });
		expect(openResult(sealed(r.inputTimes!.slice(2)))).toMatchObject({ ok: false, error: expect.stringMatching(/^has a problem at shiftRuns\.0\.inputTimes: must hold one time per input/) });
	});
});
