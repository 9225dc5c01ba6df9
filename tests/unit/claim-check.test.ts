/**
 * Issue 16: the gradebook does not take a result file's stated score on trust. It replays each
 * attempt's inputs and shows (and flags) a claim its answers do not give, and opens each file once.
 */
import { describe, expect, it } from 'vitest';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildResult, sealResult } from '../../src/lib/assign/results';
import { aggregate, buildGradebook, checkFile, claimSummary, gradebookCsv, loadOpened, openFile } from '../../src/lib/assign/gradebook';
import { verifyResult } from '../../src/lib/assign/verify';
import { MemoryStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import type { AttemptRecord, InputRecord } from '../../src/lib/db/types';
import { mustParse, VALID } from './fixtures';

const scenario = mustParse(VALID);
const scenarios = new Map([[scenario.meta.id, scenario]]);
const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-claims-001',
	title: 'Claims week',
	scenarios: [scenario.meta.id],
	passMark: 0.8,
	createdAt: 1
});
const at = Date.UTC(2026, 10, 24);

/** Works the fixture to its end with the wrong last answer: finished, below the pass mark. */
async function failing(learnerId: string): Promise<{ attempts: AttemptRecord[]; inputs: InputRecord[] }> {
	const store = new MemoryStore();
	await store.putLearner({ id: learnerId, name: learnerId, createdAt: 1 });
	let a = await beginAttempt(store, learnerId, scenario, 7, at, { id: assignment.id, passMark: assignment.passMark });
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, at + 10_000)) };
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'multi-choice', optionIds: ['a'] }, at + 20_000)) };
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'y' }, at + 30_000)) };
	return { attempts: [(await store.getAttempt(a.record.id))!], inputs: await store.getInputs(a.record.id) };
}
const seal = (learnerId: string, attempts: AttemptRecord[], inputs: InputRecord[]) =>
	sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name: learnerId }, attempts, inputs, at + 60_000));

describe('a result file whose claims are replayed', () => {
	it('an honest file: every claim matches, nothing flagged', async () => {
		const { attempts, inputs } = await failing('ana');
		expect(attempts[0]!.status).toBe('failed');
		const gb = buildGradebook(assignment, [{ name: 'ana.json', text: seal('ana', attempts, inputs) }], undefined, scenarios);
		const cell = gb.rows[0]!.cells[scenario.meta.id]!;
		expect(gb.rows[0]!.checks.map((c) => c.verdict)).toEqual(['matches']);
		expect(cell.differs).toEqual([]);
		expect(cell.best).toBeCloseTo(attempts[0]!.score);
		expect(claimSummary([cell])).toBe('yes');
	});

	it('a file edited to claim a pass (seal recomputed) shows the score its answers give, flagged', async () => {
		const { attempts, inputs } = await failing('ben');
		const honest = attempts[0]!;
		const forged = { ...honest, status: 'passed' as const, score: 1, earned: honest.possible, critical: [] };
		const gb = buildGradebook(assignment, [{ name: 'ben.json', text: seal('ben', [forged], inputs) }], undefined, scenarios);
		const row = gb.rows[0]!;
		const cell = row.cells[scenario.meta.id]!;
		expect(cell.passed).toBe(false);
		expect(cell.best).toBeCloseTo(honest.score);
		expect(row.passed).toBe(false);
		expect(cell.differs).toHaveLength(1);
		expect(cell.differs[0]!.detail).toBe(`claims 100% (passed); its answers give ${Math.round(honest.score * 100)}% (failed)`);
		// The CSV for the LMS says so too, in its last column.
		const csv = gradebookCsv(gb, assignment, () => 'Fixture');
		expect(csv.split('\r\n')[0]).toMatch(/Scores checked by replay$/);
		expect(csv.split('\r\n')[1]).toContain("1 attempt claimed another score than its answers give (the answers' score is used)");
		// Without the scenarios (as before), the claim would have been believed.
		expect(buildGradebook(assignment, [{ name: 'ben.json', text: seal('ben', [forged], inputs) }]).rows[0]!.cells[scenario.meta.id]!.passed).toBe(true);
	});

	it('a claimed finish the answers never reached counts as not finished', async () => {
		const { attempts, inputs } = await failing('cy');
		const forged = { ...attempts[0]!, status: 'passed' as const, score: 1 };
		const { result, checks } = verifyResult(JSON.parse(seal('cy', [forged], inputs.slice(0, 1))).result, scenarios);
		expect(checks[0]!.verdict).toBe('differs');
		expect(result.attempts[0]!.status).toBe('in-progress');
		expect(result.attempts[0]!.finishedAt).toBeUndefined();
		expect(result.attempts[0]!.inputCount).toBe(1);
	});

	it('inputs the scenario does not accept count as nothing, and say why', async () => {
		const { attempts, inputs } = await failing('dee');
		const bad = inputs.map((i, k) => (k === 0 ? { ...i, input: { kind: 'choice' as const, optionId: 'no-such-option' } } : i));
		const { result, checks } = verifyResult(JSON.parse(seal('dee', attempts, bad)).result, scenarios);
		expect(checks[0]).toMatchObject({ verdict: 'differs' });
		expect(checks[0]!.detail).toMatch(/^its answers do not replay \(.+\); counted as 0%, not finished$/);
		expect(result.attempts[0]).toMatchObject({ status: 'in-progress', score: 0 });
	});

	it('an attempt on another version of the scenario keeps its stated score and says it was not checked', async () => {
		const { attempts, inputs } = await failing('eve');
		const older = { ...attempts[0]!, contentHash: 'an-older-version' };
		const gb = buildGradebook(assignment, [{ name: 'eve.json', text: seal('eve', [older], inputs) }], undefined, scenarios);
		const cell = gb.rows[0]!.cells[scenario.meta.id]!;
		expect(cell.unchecked).toHaveLength(1);
		expect(cell.unchecked[0]!.detail).toContain('another version of the scenario');
		expect(claimSummary([cell])).toBe('1 could not be replayed here, so stated scores were used');
	});

	it('opens and replays each file once: adding a file reuses the others as they were opened', async () => {
		const a = await failing('fay');
		const b = await failing('gus');
		const first = checkFile(openFile({ name: 'fay.json', text: seal('fay', a.attempts, a.inputs) }), scenarios);
		const second = checkFile(openFile({ name: 'gus.json', text: seal('gus', b.attempts, b.inputs) }), scenarios);
		const once = loadOpened(assignment, [first]);
		const twice = loadOpened(assignment, [first, second]);
		// The first file's opened result is the very same object: it was not parsed or replayed again.
		expect(twice.results.find((r) => r.file === 'fay.json')!.result).toBe(once.results[0]!.result);
		expect(aggregate(assignment, twice).rows.map((r) => r.name)).toEqual(['fay', 'gus']);
	});
});
