import { describe, expect, it } from 'vitest';
import { Assignment, customTitle, decodeAssignment, encodeAssignment, missingScenarios } from '../../src/lib/assign/assignment';
import { buildResult, openResult, sealResult } from '../../src/lib/assign/results';
import { checkIdentity, storedIdentity } from '../../src/lib/assign/identity';
import { buildGradebook, gradebookCsv } from '../../src/lib/assign/gradebook';
import { MemoryStore } from '../../src/lib/db';
import { beginAttempt, recordAnswer } from '../../src/lib/attempts';
import { mustParse, VALID } from './fixtures';

const scenario = mustParse(VALID);
const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-2026-fall-01',
	title: 'Week 3: privacy at the desk',
	instructions: 'Work both scenarios **before Friday**.',
	scenarios: [scenario.meta.id, 'hipaa-caller-says-spouse'],
	due: '2026-11-27',
	attemptsAllowed: 2,
	passMark: 0.8,
	createdAt: 1
});

async function resultFor(name: string, learnerId: string, choice: string, at = Date.UTC(2026, 10, 24), studentId?: string) {
	const store = new MemoryStore();
	let a = await beginAttempt(store, learnerId, scenario, 7, at);
	a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'choice', optionId: choice }, at + 60_000)) };
	if (a.state.stepId) a = { ...a, ...(await recordAnswer(store, a.record, a.state, { kind: 'multi-choice', optionIds: ['a'] }, at + 120_000)) };
	const attempts = await store.listAttempts(learnerId);
	return buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name, studentId }, attempts, await store.getInputsOf(attempts.map((x) => x.id)), at + 180_000);
}

describe('assignment links', () => {
	it('round-trips through the link fragment and through a file', async () => {
		const fragment = await encodeAssignment(assignment);
		expect(fragment).toMatch(/^a=[A-Za-z0-9_-]+$/);
		expect(await decodeAssignment(`#${fragment}`)).toEqual({ ok: true, assignment });
		expect(await decodeAssignment(JSON.stringify(assignment))).toEqual({ ok: true, assignment });
	});
	it('names what is wrong with a broken, foreign or hostile assignment', async () => {
		const fragment = await encodeAssignment(assignment);
		expect((await decodeAssignment('#x=1')) as { error: string }).toMatchObject({ ok: false, error: expect.stringMatching(/does not hold an assignment/) });
		expect(await decodeAssignment(`#${fragment.slice(0, -6)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
		expect(await decodeAssignment(JSON.stringify({ ...assignment, format: 'other' }))).toMatchObject({ ok: false, error: expect.stringMatching(/not an assignment/) });
		expect(await decodeAssignment(JSON.stringify({ ...assignment, version: 9 }))).toMatchObject({ ok: false, error: expect.stringMatching(/version 9/) });
		expect(await decodeAssignment(JSON.stringify({ ...assignment, title: '<script>alert(1)</script>' }))).toMatchObject({ ok: false, error: expect.stringMatching(/title: must not contain HTML markup/) });
		expect(await decodeAssignment(JSON.stringify({ ...assignment, scenarios: [] }))).toMatchObject({ ok: false, error: expect.stringMatching(/scenarios/) });
	});
	it('lists scenarios this copy of the app does not have', () => {
		expect(missingScenarios(assignment, new Set([scenario.meta.id]))).toEqual(['hipaa-caller-says-spouse']);
	});
});

describe('result files', () => {
	it('opens a sealed file as it was written', async () => {
		const r = await resultFor('Ana Lopez', 'l-ana', 'good');
		const opened = openResult(sealResult(r));
		expect(opened.ok && opened.result).toEqual(r);
	});
	it("carries the student's name and ID or e-mail, and files from before the ID was asked still open", async () => {
		const r = await resultFor('Ana López', 'l-ana', 'good', Date.UTC(2026, 10, 24), 'ana.lopez@college.edu');
		expect(r.student).toEqual({ learnerId: 'l-ana', name: 'Ana López', studentId: 'ana.lopez@college.edu' });
		const opened = openResult(sealResult(r));
		expect(opened.ok && opened.result.student).toEqual(r.student);
		// An ID left blank is not written; a file written before IDs were asked has none and opens as it was.
		const old = await resultFor('Ana López', 'l-ana', 'good');
		expect(old.student).toEqual({ learnerId: 'l-ana', name: 'Ana López' });
		const text = sealResult(old);
		expect(text).not.toContain('studentId');
		expect(openResult(text).ok).toBe(true);
		// An ID that could break a CSV or carry markup is refused by name.
		expect(openResult(sealResult({ ...r, student: { ...r.student, studentId: '=1+2, <b>' } }))).toEqual({ ok: false, error: 'has a problem at student.studentId: may hold only letters, digits and . _ @ + - (no spaces)' });
	});
	it('detects any single changed byte', async () => {
		const text = sealResult(await resultFor('Ana Lopez', 'l-ana', 'good'));
		let missed = 0;
		for (let i = 0; i < text.length; i++) {
			const c = text[i]!;
			const changed = text.slice(0, i) + (c === '0' ? '1' : c === ' ' ? '_' : '0') + text.slice(i + 1);
			if (openResult(changed).ok) missed++;
		}
		expect(text.length).toBeGreaterThan(1000);
		expect(missed).toBe(0);
		expect(openResult(text.replace('"earned":2', '"earned":3'))).toEqual({ ok: false, error: 'damaged or edited after it was saved (its checksum does not match)' });
	});
});

describe("a student's identity", () => {
	it('asks for a real name: the default "Student", an empty name or markup is refused with the reason', () => {
		expect(checkIdentity('  Ana   López ', ' ana.lopez@college.edu ')).toEqual({ ok: true, identity: { name: 'Ana López', studentId: 'ana.lopez@college.edu' } });
		expect(checkIdentity('Ana López', '')).toEqual({ ok: true, identity: { name: 'Ana López' } });
		expect(checkIdentity('Student', 'S1')).toEqual({ ok: false, error: 'Your name "Student" does not tell your instructor who you are. Type your name as your instructor knows it.' });
		expect(checkIdentity(' student ', '')).toMatchObject({ ok: false });
		expect(checkIdentity('', '')).toEqual({ ok: false, error: 'Your name is empty. Type your name as your instructor knows it.' });
		expect(checkIdentity('<img src=x>', '')).toMatchObject({ ok: false, error: expect.stringMatching(/markup/) });
		expect(checkIdentity('Ana', 'S 1')).toEqual({ ok: false, error: 'The student ID or e-mail may hold only letters, digits and . _ @ + - (no spaces).' });
		expect(checkIdentity('Ana', 'x'.repeat(121))).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
	});
	it('reads a kept identity as untrusted', () => {
		expect(storedIdentity({ name: 'Ana', studentId: 'S1' })).toEqual({ name: 'Ana', studentId: 'S1' });
		expect(storedIdentity({ name: 'Student' })).toBeUndefined();
		expect(storedIdentity({ name: 3 })).toBeUndefined();
		expect(storedIdentity('Ana')).toBeUndefined();
	});
});

describe('gradebook', () => {
	it('loads the class, reports damaged, foreign and duplicate files by name, and exports CSV', async () => {
		const ana = sealResult(await resultFor('Ana Lopez', 'l-ana', 'good'));
		const ben = sealResult(await resultFor('Ben Okoro', 'l-ben', 'bad'));
		const other = sealResult({ ...(await resultFor('Cy', 'l-cy', 'good')), assignment: { id: 'asg-other-0001', title: 'Another week' } });
		const gb = buildGradebook(assignment, [
			{ name: 'ana.json', text: ana },
			{ name: 'ben.json', text: ben },
			{ name: 'ana-copy.json', text: ana },
			{ name: 'cy.json', text: other },
			{ name: 'broken.json', text: ben.slice(0, 400) }
		]);
		expect(gb.rows.map((r) => r.name)).toEqual(['Ana Lopez', 'Ben Okoro']);
		expect(gb.problems).toEqual([
			{ file: 'ana-copy.json', problem: 'is a duplicate of a file already loaded; skipped' },
			{ file: 'cy.json', problem: 'is for another assignment ("Another week"); not loaded' },
			{ file: 'broken.json', problem: 'not a sealed result file from the simulator (or damaged at its start or end); not loaded' }
		]);
		const anaCell = gb.rows[0]!.cells[scenario.meta.id]!;
		expect(anaCell).toMatchObject({ attempts: 1, minutes: 2, late: false });
		expect(gb.rows[0]!.cells['hipaa-caller-says-spouse']).toMatchObject({ attempts: 0, passed: false });
		// Ana is still working (no finished attempt, no score yet); Ben's wrong first answer ended his attempt.
		expect(anaCell.best).toBeUndefined();
		expect(gb.rows[1]!.cells[scenario.meta.id]).toMatchObject({ attempts: 1, passed: false });
		expect(gb.rows[1]!.cells[scenario.meta.id]!.best).toBeLessThan(0.8);
		expect(gb.competencies.length).toBeGreaterThan(0);
		const c = gb.competencies[0]!;
		expect(gb.rows[0]!.competencies[c]!).toBeGreaterThan(gb.rows[1]!.competencies[c] ?? 0);
		const csv = gradebookCsv(gb, assignment, (id) => (id === scenario.meta.id ? '=Sneaky, title' : 'Spouse'));
		const [head, first] = csv.split('\r\n');
		expect(head).toBe(
			'Student,Student ID or e-mail,' +
				`"'=Sneaky, title (score %)","'=Sneaky, title (passed)","'=Sneaky, title (late)","'=Sneaky, title (attempts)","'=Sneaky, title (minutes)","'=Sneaky, title (critical errors)",` +
				'Spouse (score %),Spouse (passed),Spouse (late),Spouse (attempts),Spouse (minutes),Spouse (critical errors),' +
				'Average score % (parts not attempted count as 0),Scenarios passed,Scores checked by replay'
		);
		expect(first).toBe('Ana Lopez,,,no,no,1,2,0,,no,no,0,0,0,0,0,not checked');
	});
	it("gives an LMS import what it matches on and needs: the student's ID or e-mail, score, late, attempts, minutes and critical errors per scenario", async () => {
		const ana = sealResult(await resultFor('Ana López', 'l-ana', 'good', Date.UTC(2026, 10, 24), 'ana.lopez@college.edu'));
		// Ben's wrong first answer is a critical error, and he worked after the due date.
		const ben = sealResult(await resultFor('Ben Okoro', 'l-ben', 'bad', Date.UTC(2026, 10, 28), 'S0012345'));
		const gb = buildGradebook(assignment, [
			{ name: 'ana.json', text: ana },
			{ name: 'ben.json', text: ben }
		]);
		expect(gb.rows.map((r) => [r.name, r.studentId])).toEqual([['Ana López', 'ana.lopez@college.edu'], ['Ben Okoro', 'S0012345']]);
		expect(gb.rows[1]!.cells[scenario.meta.id]!.critical).toEqual(['Disclosed PHI.']);
		const csv = gradebookCsv(gb, assignment, (id) => (id === scenario.meta.id ? 'Caller' : 'Spouse'));
		const rows = csv.trimEnd().split('\r\n').map((l) => l.split(','));
		const col = (heading: string) => rows[0]!.indexOf(heading);
		expect(col('Student ID or e-mail')).toBe(1);
		const ben2 = rows[2]!;
		expect(ben2[col('Student ID or e-mail')]).toBe('S0012345');
		expect(ben2[col('Caller (critical errors)')]).toBe('1');
		expect(ben2[col('Caller (late)')]).toBe('yes');
		expect(ben2[col('Caller (attempts)')]).toBe('1');
		expect(ben2[col('Caller (minutes)')]).toBe('1');
		expect(ben2[col('Caller (passed)')]).toBe('no');
		expect(rows[1]![col('Caller (late)')]).toBe('no');
		// The spouse scenario was not attempted: it counts as 0 in the average, and the heading says so.
		expect(ben2[col('Spouse (attempts)')]).toBe('0');
		const score = Number(ben2[col('Caller (score %)')]);
		expect(Number(ben2[col('Average score % (parts not attempted count as 0)')])).toBe(Math.round(score / 2));
	});
	it('keeps the newer submission of a student who sent two', async () => {
		const older = sealResult(await resultFor('Ana Lopez', 'l-ana', 'bad', Date.UTC(2026, 10, 20)));
		const newer = sealResult(await resultFor('Ana Lopez', 'l-ana', 'good', Date.UTC(2026, 10, 24)));
		const gb = buildGradebook(assignment, [
			{ name: 'new.json', text: newer },
			{ name: 'old.json', text: older }
		]);
		expect(gb.rows).toHaveLength(1);
		expect(gb.rows[0]!.file).toBe('new.json');
		expect(gb.problems[0]!.file).toBe('old.json');
	});
});

describe('scenarios carried in an assignment', () => {
	it('counts carried scenarios as present and reads their titles', () => {
		const withCustom = Assignment.parse({ ...assignment, scenarios: [...assignment.scenarios, 'custom-front-desk'], custom: [{ id: 'custom-front-desk', source: '---\nid: custom-front-desk\ntitle: "A \\"busy\\" morning"\n---\n' }] });
		expect(missingScenarios(withCustom, new Set([scenario.meta.id, 'hipaa-caller-says-spouse']))).toEqual([]);
		expect(customTitle(withCustom, 'custom-front-desk')).toBe('A "busy" morning');
		expect(Assignment.safeParse({ ...assignment, custom: [{ id: 'hipaa-x', source: '---\nid: hipaa-x\n---' }] }).success).toBe(false);
	});
});
