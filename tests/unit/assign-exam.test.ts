import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';
import { Assignment } from '../../src/lib/assign/assignment';
import { assignmentExamForm, examSeed } from '../../src/lib/assign/exam';
import { buildResult, openResult, sealResult } from '../../src/lib/assign/results';
import { aggregate, buildGradebook, gradebookCsv, loadResults } from '../../src/lib/assign/gradebook';
import { mockExamMinutes } from '../../src/lib/exam/clock';
import type { ExamScoring } from '../../src/lib/lms/standing';
import type { AttemptRecord, ExamSession } from '../../src/lib/db/types';

const content = loadContent(readContentFiles()).content!;
const cmaa = content.competencies.frameworks.find((f) => f.id === 'cmaa')!;
const domainOfCompetency = new Map(content.competencies.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const))));
const scoring: ExamScoring = { items: new Map(content.questions.map((q) => [q.id, q])), domainOf: (c) => domainOfCompetency.get(c), domainOrder: cmaa.domains.map((d) => d.id) };
const keyOf = (id: string) => content.questions.find((q) => q.id === id)!.key;
const notKey = (id: string) => ({ a: 'b', b: 'c', c: 'd', d: 'a' }) [keyOf(id)] as 'a' | 'b' | 'c' | 'd';

const CREATED = Date.UTC(2026, 10, 2);
const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-exam-0001',
	title: 'Week 5: privacy and the CMAA',
	scenarios: ['hipaa-caller-says-spouse'],
	exam: { framework: 'cmaa', items: 5 },
	due: '2026-11-27',
	attemptsAllowed: 2,
	passMark: 0.8,
	randomiseVariants: false,
	createdAt: CREATED
});

describe('the exam form of an assignment', () => {
	it('draws the blueprint from the shipped CMAA bank with the exam hub time per item', () => {
		const r = assignmentExamForm(assignment, 'l-ana', 1, content.questions, cmaa);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(new Set(r.form.itemIds).size).toBe(5);
		for (const id of r.form.itemIds) expect(domainOfCompetency.get(content.questions.find((q) => q.id === id)!.competency)).toMatch(/^cmaa\./);
		expect(r.form.durationMs).toBe(mockExamMinutes('cmaa', 5, 110) * 60_000);
		expect(r.form.durationMs).toBe(6 * 60_000);
		expect(r.form.title).toBe('NHA CMAA mock exam, 5 items: Week 5: privacy and the CMAA');
		const long = assignmentExamForm({ ...assignment, title: 'x'.repeat(120) }, 'l-ana', 1, content.questions, cmaa);
		expect(long.ok && long.form.title.length).toBe(120);
	});
	it('gives the whole class the same form per attempt unless variants are randomised', () => {
		const form = (a: typeof assignment, learner: string, attempt: number) => {
			const r = assignmentExamForm(a, learner, attempt, content.questions, cmaa);
			return r.ok ? r.form.itemIds : [];
		};
		expect(form(assignment, 'l-ana', 1)).toEqual(form(assignment, 'l-ben', 1));
		expect(form(assignment, 'l-ana', 2)).not.toEqual(form(assignment, 'l-ana', 1));
		const each = { ...assignment, randomiseVariants: true };
		expect(form(each, 'l-ana', 1)).toEqual(form(each, 'l-ana', 1));
		expect(form(each, 'l-ana', 1)).not.toEqual(form(each, 'l-ben', 1));
		expect(examSeed(each, 'l-ana', 1)).not.toBe(examSeed({ ...each, id: 'asg-exam-0002' }, 'l-ana', 1));
	});
	it('says why an exam cannot be drawn', () => {
		expect(assignmentExamForm({ ...assignment, exam: { framework: 'cmaa', items: 110 } }, 'l-ana', 1, content.questions.slice(0, 30), cmaa)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^a 110-item exam cannot be drawn from this copy of the app's items: not enough items: /)
		});
	});
});

let n = 0;
function attempt(learnerId: string, startedAt: number, score: number): AttemptRecord {
	return {
		id: `a-${++n}`,
		learnerId,
		scenarioId: 'hipaa-caller-says-spouse',
		contentHash: 'h1',
		seed: 1,
		startedAt,
		updatedAt: startedAt + 300_000,
		finishedAt: startedAt + 300_000,
		status: score >= 0.8 ? 'passed' : 'failed',
		earned: score * 10,
		possible: 10,
		score,
		critical: [],
		evidence: [{ competency: 'cmaa.law.patient-rights', earned: score * 10, possible: 10 }],
		inputCount: 0
	};
}
/** The student's nth exam attempt, `right` of its five items answered right. */
function exam(learnerId: string, attemptNo: number, startedAt: number, right: number, submitted = true): ExamSession {
	const r = assignmentExamForm(assignment, learnerId, attemptNo, content.questions, cmaa);
	if (!r.ok) throw new Error(r.error);
	const ids = r.form.itemIds;
	return {
		id: `x-${++n}`,
		learnerId,
		mode: 'mock',
		framework: 'cmaa',
		title: r.form.title,
		itemIds: ids,
		answers: Object.fromEntries(ids.map((id, i) => [id, i < right ? keyOf(id) : notKey(id)])),
		marked: [],
		startedAt,
		durationMs: r.form.durationMs,
		...(submitted ? { submittedAt: startedAt + 240_000 } : {}),
		answeredAt: Object.fromEntries(ids.map((id, i) => [id, startedAt + (i + 1) * 30_000])),
		assignmentId: assignment.id
	};
}
const file = (name: string, learnerId: string, attempts: AttemptRecord[], exams: ExamSession[] | undefined, at: number) => ({
	name: `${learnerId}.json`,
	text: sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId, name }, attempts, [], at, exams))
});

describe('result files with the exam', () => {
	it('carry the exam sessions and open as written; files from before exams still open', () => {
		const r = buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-ana', name: 'Ana' }, [], [], CREATED + 9e6, [exam('l-ana', 1, CREATED + 1e6, 4)]);
		const opened = openResult(sealResult(r));
		expect(opened.ok && opened.result).toEqual(r);
		expect(opened.ok && opened.result.exams?.[0]?.answers).toEqual(r.exams![0]!.answers);
		const old = buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-ana', name: 'Ana' }, [], [], CREATED + 9e6);
		expect('exams' in old).toBe(false);
		expect(openResult(sealResult(old)).ok).toBe(true);
	});
	it('refuse a session of another learner, of another assignment, or a hostile one, by name', () => {
		const seal = (s: ExamSession) => sealResult(buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-ana', name: 'Ana' }, [], [], CREATED + 9e6, [s]));
		const s = exam('l-ana', 1, CREATED + 1e6, 4);
		expect(openResult(seal({ ...s, learnerId: 'l-ben' }))).toEqual({ ok: false, error: 'has a problem at exams.0: belongs to another learner' });
		expect(openResult(seal({ ...s, assignmentId: 'asg-other-001' }))).toEqual({ ok: false, error: 'has a problem at exams.0: is not a mock exam taken for this assignment' });
		expect(openResult(seal({ ...s, mode: 'practice' }))).toEqual({ ok: false, error: 'has a problem at exams.0: is not a mock exam taken for this assignment' });
		expect(openResult(seal({ ...s, title: '<img src=x onerror=alert(1)>' }))).toMatchObject({ ok: false, error: expect.stringMatching(/^has a problem at exams\.0\.title: must not contain HTML markup/) });
		expect(openResult(sealResult({ ...buildResult({ id: assignment.id, title: assignment.title }, { learnerId: 'l-ana', name: 'Ana' }, [], [], 1), exams: Array.from({ length: 21 }, () => s) }))).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^has a problem at exams: /)
		});
	});
});

describe('the gradebook with an exam', () => {
	const files = [
		// Ana: the scenario at 90%, the exam 3/5 then 5/5, and a third exam beyond the two allowed (ignored).
		file('Ana Lopez', 'l-ana', [attempt('l-ana', CREATED + 1e6, 0.9)], [exam('l-ana', 1, CREATED + 2e6, 3), exam('l-ana', 2, CREATED + 3e6, 5), exam('l-ana', 3, CREATED + 4e6, 0)], CREATED + 9e6),
		// Ben: the scenario passed, the exam 2/5 and submitted after the due date.
		file('Ben Okoro', 'l-ben', [attempt('l-ben', CREATED + 1e6, 1)], [exam('l-ben', 1, Date.UTC(2026, 10, 29), 2)], Date.UTC(2026, 10, 29, 12)),
		// Cy: the scenario only, no exam yet (an older file without the exams field).
		file('Cy Park', 'l-cy', [attempt('l-cy', CREATED + 1e6, 0.8)], undefined, CREATED + 9e6),
		// Dee: an exam left open in a tab that was closed; its time ran out before the file was saved.
		file('Dee Vance', 'l-dee', [], [exam('l-dee', 1, CREATED + 1e6, 4, false)], CREATED + 1e6 + 3_600_000)
	];
	const gb = buildGradebook(assignment, files, scoring);
	const row = (name: string) => gb.rows.find((r) => r.name === name)!;

	it('shows the best exam score, passed, attempts and late per student, consistent with the standing', () => {
		expect(gb.problems).toEqual([]);
		expect(row('Ana Lopez').exam).toMatchObject({ best: 1, passed: true, attempts: 2, late: false });
		expect(row('Ana Lopez').exam!.scores.map((s) => s.score.correct)).toEqual([3, 5]);
		expect(row('Ben Okoro').exam).toMatchObject({ best: 0.4, passed: false, attempts: 1, late: true });
		expect(row('Cy Park').exam).toEqual({ passed: false, attempts: 0, late: false, scores: [] });
		expect(row('Dee Vance').exam).toMatchObject({ best: 0.8, passed: true, attempts: 1 });
		expect([row('Ana Lopez').score, row('Ana Lopez').passed, row('Ana Lopez').completed]).toEqual([0.95, true, true]);
		expect([row('Ben Okoro').score, row('Ben Okoro').passed, row('Ben Okoro').completed]).toEqual([0.7, false, true]);
		expect([row('Cy Park').score, row('Cy Park').passed, row('Cy Park').completed]).toEqual([0.4, false, false]);
	});
	it('gives the exam results by domain for the debrief, adding up to the items', () => {
		const byDomain = row('Ana Lopez').exam!.scores[0]!.score.byDomain;
		expect(byDomain.reduce((n, d) => n + d.total, 0)).toBe(5);
		expect(byDomain.reduce((n, d) => n + d.correct, 0)).toBe(3);
		for (const d of byDomain) expect(cmaa.domains.map((x) => x.id)).toContain(d.domain);
	});
	it('exports the exam as its own CSV columns, with the average and parts passed counting it', () => {
		const [head, ...lines] = gradebookCsv(gb, assignment, () => 'Spouse').trimEnd().split('\r\n');
		expect(head).toBe(
			'Student,Student ID or e-mail,Spouse (score %),Spouse (passed),Spouse (late),Spouse (attempts),Spouse (minutes),Spouse (critical errors),' +
				'NHA CMAA mock exam (5 items) (score %),NHA CMAA mock exam (5 items) (passed),NHA CMAA mock exam (5 items) (late),NHA CMAA mock exam (5 items) (attempts),' +
				'Average score % (parts not attempted count as 0),Parts passed (scenarios and the exam),Scores checked by replay'
		);
		expect(lines).toEqual(['Ana Lopez,,90,yes,no,1,5,0,100,yes,no,2,95,2,not checked', 'Ben Okoro,,100,yes,no,1,5,0,40,no,yes,1,70,1,not checked', 'Cy Park,,80,yes,no,1,5,0,,no,no,0,40,1,not checked', 'Dee Vance,,,no,no,0,0,0,80,yes,no,1,40,1,not checked']);
	});
	it('needs the item bank to score an exam', () => {
		expect(() => aggregate(assignment, loadResults(assignment, files))).toThrow(/item bank/);
	});
});
