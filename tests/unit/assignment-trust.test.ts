/**
 * Issue 17: one pass mark rules an attempt made for an assignment on every screen; short attempts,
 * accented names and past due dates read as a person expects.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Assignment, pastDue } from '../../src/lib/assign/assignment';
import { buildResult, openResult, sealResult } from '../../src/lib/assign/results';
import { buildGradebook } from '../../src/lib/assign/gradebook';
import { DexieStore, MemoryStore, ProgressDb, type ProgressStore } from '../../src/lib/db';
import { exportProgress, parseProgressFile } from '../../src/lib/db/transfer';
import { assignmentOfQuery, assignmentQuery, madeFor, workQuery, beginAttempt, passMarkOf, passMarkText, recordAnswer, reopenAttempt } from '../../src/lib/attempts';
import { summarize } from '../../src/lib/engine';
import { assignmentStanding, scenarioStanding } from '../../src/lib/lms/standing';
import { scormReport } from '../../src/lib/lms/scorm-report';
import { fileSlug, timeSpent } from '../../src/lib/labels';
import { packageName } from '../../src/lib/lms/scorm-package';
import { mustParse, VALID } from './fixtures';

const scenario = mustParse(VALID);
const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-trust-0001',
	title: 'Semana de José',
	scenarios: [scenario.meta.id],
	passMark: 0.5,
	createdAt: 1
});
const learner = { id: 'l-jose', name: 'José Núñez', createdAt: 1 };

let dbs = 0;
const stores: [string, () => ProgressStore][] = [
	['memory', () => new MemoryStore()],
	['IndexedDB (Dexie)', () => new DexieStore(new ProgressDb(`trust-${++dbs}`))]
];

/** Works the fixture to its end with a middling score: the right first call, one of the two right picks, then the wrong last answer. */
async function middling(store: ProgressStore, made?: { id: string; passMark: number }, at = Date.UTC(2026, 10, 24)) {
	await store.putLearner(learner);
	let a = await beginAttempt(store, learner.id, scenario, 7, at, made);
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'good' }, at + 10_000)) };
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'multi-choice', optionIds: ['a'] }, at + 20_000)) };
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: 'y' }, at + 30_000)) };
	return a;
}

describe('an attempt made for an assignment: the assignment pass mark rules it everywhere', () => {
	for (const [kind, make] of stores) {
		it(`is stored with the assignment and passed at its mark (${kind})`, async () => {
			const store = make();
			const { record, state } = await middling(store, { id: assignment.id, passMark: assignment.passMark });
			const score = summarize(state).score;
			// Between the two marks: the scenario's 80% fails it, the assignment's 50% passes it.
			expect(score).toBeGreaterThanOrEqual(0.5);
			expect(score).toBeLessThan(scenario.meta.passMark);
			const stored = (await store.getAttempt(record.id))!;
			expect(stored).toMatchObject({ assignmentId: assignment.id, passMark: 0.5, status: 'passed' });
			// The player's ending and the results page read the stored mark and say who set it.
			expect(passMarkText(passMarkOf(stored, scenario))).toBe('pass mark 50%, set by the assignment');
			const reopened = await reopenAttempt(store, stored, scenario);
			expect(reopened.ok && summarize(reopened.state, passMarkOf(stored, scenario).mark).passed).toBe(true);
			// The assignment page, the gradebook and the LMS reports (lms/standing.ts) say the same.
			expect(scenarioStanding(assignment, [stored], scenario.meta.id).passed).toBe(true);
			const standing = assignmentStanding(assignment, [stored]);
			expect(standing.passed).toBe(true);
			expect(scormReport('scorm2004', { standing, decisions: [], written: [] }).find(([k]) => k === 'cmi.success_status')?.[1]).toBe('passed');
		});
	}

	it('outside an assignment the scenario mark rules, and the screens say so', async () => {
		const store = new MemoryStore();
		const { record } = await middling(store);
		expect(record.status).toBe('failed');
		expect(record.assignmentId).toBeUndefined();
		expect(passMarkText(passMarkOf(record, scenario))).toBe('pass mark 80%, set by the scenario');
	});

	it('travels in the progress file and the result file, and the gradebook agrees with the student', async () => {
		const store = new MemoryStore();
		const { record } = await middling(store, { id: assignment.id, passMark: assignment.passMark });
		const inputs = await store.getInputs(record.id);
		const file = JSON.stringify(exportProgress(learner, [record], inputs, Date.UTC(2026, 10, 25)));
		const parsed = parseProgressFile(file);
		expect(parsed.ok && parsed.file.attempts[0]).toMatchObject({ assignmentId: assignment.id, passMark: 0.5, status: 'passed' });
		// A pass mark without its assignment is refused by name.
		const orphan = file.replace(`"assignmentId":"${assignment.id}",`, '');
		expect(orphan).not.toBe(file);
		const refused = parseProgressFile(orphan);
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.error).toContain('pass mark comes with its assignment id');

		const sealed = sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: learner.id, name: learner.name }, [record], inputs, Date.UTC(2026, 10, 25)));
		// An attempt that holds feedback back keeps saying so in the file; nothing but 'after' is taken.
		const held = await beginAttempt(new MemoryStore(), learner.id, scenario, 8, Date.UTC(2026, 10, 24), { id: assignment.id, passMark: assignment.passMark }, 'after');
		expect(held.record.feedback).toBe('after');
		const heldFile = JSON.stringify(exportProgress(learner, [held.record], [], Date.UTC(2026, 10, 25)));
		const heldParsed = parseProgressFile(heldFile);
		expect(heldParsed.ok && heldParsed.file.attempts[0]!.feedback).toBe('after');
		const odd = parseProgressFile(heldFile.replace('"feedback":"after"', '"feedback":"never"'));
		expect(odd.ok).toBe(false);
		expect(!odd.ok && odd.error).toContain('feedback');

		expect(openResult(sealed).ok).toBe(true);
		const gb = buildGradebook(assignment, [{ name: 'jose.json', text: sealed }]);
		expect(gb.rows[0]!.cells[scenario.meta.id]).toMatchObject({ passed: true });
	});

	it('reads the assignment from a play link, and refuses a malformed one', () => {
		const q = new URLSearchParams(`new=1&${assignmentQuery({ id: assignment.id, passMark: 0.75 })}`);
		expect(assignmentOfQuery(q)).toEqual({ id: assignment.id, passMark: 0.75 });
		for (const bad of ['assignment=asg-trust-0001', 'assignment=x&pass=0.75', 'assignment=asg-trust-0001&pass=0.3', 'assignment=asg-trust-0001&pass=1e0', 'assignment=asg-trust-0001&pass=2'])
			expect(assignmentOfQuery(new URLSearchParams(bad)), bad).toBeUndefined();
	});
});

describe('what a person reads', () => {
	it('keeps the letters of accented names in download names', () => {
		expect(fileSlug('José Núñez', 'student')).toBe('jose-nunez');
		expect(fileSlug('Ærøskøbing — Week 3!', 'x')).toBe('ærøskøbing-week-3');
		expect(fileSlug('李雷', 'student')).toBe('李雷');
		expect(fileSlug('!!!', 'student')).toBe('student');
		expect(packageName('scorm12', 'Semana de José')).toBe('semana-de-jose-scorm12.zip');
	});

	it('calls an attempt under a minute "under a minute", never "0 min"', async () => {
		const store = new MemoryStore();
		const { record } = await middling(store, { id: assignment.id, passMark: assignment.passMark });
		const sealed = sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: learner.id, name: learner.name }, [record], await store.getInputs(record.id), Date.UTC(2026, 10, 25)));
		const cell = buildGradebook(assignment, [{ name: 'jose.json', text: sealed }]).rows[0]!.cells[scenario.meta.id]!;
		expect(cell.seconds).toBe(30);
		expect(timeSpent(cell.seconds)).toBe('under a minute');
		expect(timeSpent(0)).toBe('under a minute');
		expect(timeSpent(150)).toBe('3 min');
	});

	it('knows when a due date has passed: after the end of the due day', () => {
		const endOfDay = Date.parse('2026-11-27T23:59:59.999');
		expect(pastDue('2026-11-27', endOfDay)).toBe(false);
		expect(pastDue('2026-11-27', endOfDay + 1)).toBe(true);
		expect(pastDue(undefined, Date.now())).toBe(false);
	});
});

describe('the query a link to a stored attempt or shift run carries', () => {
	it('names the assignment the record was made for (never the record itself) and the held feedback; nothing outside an assignment', () => {
		const attempt = { id: 'attempt-0000-aaaa', assignmentId: 'trust-0001', passMark: 0.75 };
		const q = workQuery(madeFor(attempt), true);
		expect(q).toBe('&feedback=after&assignment=trust-0001&pass=0.75');
		// Read back as a play link reads it.
		expect(assignmentOfQuery(new URLSearchParams(q.slice(1)))).toEqual({ id: 'trust-0001', passMark: 0.75 });
		expect(workQuery(madeFor({ id: 'practice-run' } as { assignmentId?: string; passMark?: number }), false)).toBe('');
		expect(workQuery(madeFor({ assignmentId: 'trust-0001' }), false)).toBe('');
	});
});
