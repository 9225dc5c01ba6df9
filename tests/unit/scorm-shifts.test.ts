/**
 * SCORM for an assignment's shifts, beyond status and score: each answer of a counted, finished run
 * reaches the LMS as a cmi.interaction (once, however often the SCO reports, and never for practice),
 * and the competencies a shift gives evidence for are among the LMS's objectives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { Assignment } from '../../src/lib/assign/assignment';
import type { ShiftRun } from '../../src/lib/db/types';
import { countedShiftDecisions } from '../../src/lib/lms/shift-decisions';
import { assignmentStanding } from '../../src/lib/lms/standing';
import { assignmentObjectives, objectiveId, objectiveValues } from '../../src/lib/lms/objectives';
import { interactionId, scormReport, unreported } from '../../src/lib/lms/scorm-report';
import { readSuspendData, suspendData } from '../../src/lib/lms/suspend';
import { loadShiftGraders } from '../../src/lib/shift-runs';
import { storedRun } from '../support/shift-player';

const content = loadContent(readContentFiles()).content!;
const shift = content.shifts.find((s) => s.meta.id === 'morning-rush')!;
const HIPAA = content.scenarios.find((s) => s.meta.id === 'hipaa-caller-says-spouse')!;
const shifts = new Map([[shift.meta.id, shift]]);

const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-scorm-shift-01',
	title: 'Week 5: a morning at the desk',
	scenarios: [HIPAA.meta.id],
	shifts: [shift.meta.id],
	attemptsAllowed: 3,
	passMark: 0.7,
	createdAt: 1_000
});

/** A run the test player worked, stored as the app stores it (from the assignment's link unless `practice`). */
const run = (id: string, startedAt: number, opts: { practice?: boolean; inputs?: number } = {}): ShiftRun =>
	storedRun(shift, { id, how: 'worst', startedAt, updatedAt: startedAt + 25 * 60_000, learnerId: 'learner-1', ...(opts.inputs === undefined ? {} : { inputs: opts.inputs }), ...(opts.practice ? {} : { assignment }) });

const ID = /^urn:front-desk-simulator:shift:morning-rush:/;
const interactionIds = (values: [string, string][]) => values.filter(([e]) => /^cmi\.interactions\.\d+\.id$/.test(e)).map(([, v]) => v);

function apply(api: { SetValue?: (e: string, v: string) => string; LMSSetValue?: (e: string, v: string) => string; GetLastError?: () => string; LMSGetLastError?: () => string }, values: [string, string][]) {
	const refused: string[] = [];
	for (const [e, v] of values) {
		const ok = api.SetValue ? api.SetValue(e, v) : api.LMSSetValue!(e, v);
		if (ok !== 'true') refused.push(`${e}=${v}: ${api.GetLastError ? api.GetLastError() : api.LMSGetLastError!()}`);
	}
	return refused;
}

beforeAll(() => loadShiftGraders(shift));

describe('SCORM interactions from a shift', () => {
	it('SCORM 2004: a counted finished run sends each answer once, linked to its competencies, accepted by the runtime', () => {
		const r = run('11111111-2222-4333-8444-555555555555', 5_000);
		expect(r.finishedAt).toBeDefined();
		const standing = assignmentStanding(assignment, [], undefined, [r]);
		const { decisions, problems } = countedShiftDecisions(standing, shifts);
		expect(problems).toEqual([]);
		expect(decisions.length).toBeGreaterThanOrEqual(3);
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		const first = scormReport('scorm2004', { standing, decisions, written: [] });
		expect(apply(api, first)).toEqual([]);
		expect(Number(api.GetValue('cmi.interactions._count'))).toBe(decisions.length);
		const ids = Array.from({ length: decisions.length }, (_, n) => api.GetValue(`cmi.interactions.${n}.id`));
		expect(ids.every((id) => ID.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		const d0 = decisions[0]!;
		expect(api.GetValue('cmi.interactions.0.learner_response')).toBe(d0.response);
		expect(api.GetValue('cmi.interactions.0.description')).toContain(d0.stepTitle);
		expect(api.GetValue('cmi.interactions.0.objectives.0.id')).toBe(objectiveId(d0.competencies[0]!));
		// The played run gives the lowest-scoring answers: the LMS sees them as not correct.
		expect(Array.from({ length: decisions.length }, (_, n) => api.GetValue(`cmi.interactions.${n}.result`))).toContain('incorrect');

		// The next report (the run written again, a new launch reading the ids back) adds nothing; the ids are the same.
		const again = countedShiftDecisions(assignmentStanding(assignment, [], undefined, [r]), shifts).decisions;
		expect(again.map(interactionId)).toEqual(ids);
		expect(interactionIds(scormReport('scorm2004', { standing, decisions: again, written: ids }))).toEqual([]);
	});

	it('SCORM 1.2: ids are CMIIdentifiers, accepted; a later session goes on from suspend_data and sends none twice', () => {
		const r = run('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 5_000);
		const standing = assignmentStanding(assignment, [], undefined, [r]);
		const { decisions } = countedShiftDecisions(standing, shifts);
		const api = new Scorm12API({ logLevel: 5 });
		api.LMSInitialize('');
		const first = scormReport('scorm12', { standing, decisions, written: [] });
		expect(apply(api, first)).toEqual([]);
		const ids = interactionIds(first);
		expect(ids).toHaveLength(decisions.length);
		for (const id of ids) {
			expect(id).toMatch(/^urn\.front-desk-simulator\.shift\.morning-rush\.[A-Za-z0-9._-]+$/);
			expect(id.length).toBeLessThanOrEqual(255);
		}
		expect(new Set(ids).size).toBe(ids.length);
		// What the SCO stores after that report, read by the next launch (1.2 interactions are write-only).
		const until = Math.max(...unreported({ decisions, written: [] }).map((d) => d.at));
		const carried = readSuspendData(assignment, suspendData('scorm12', assignment, standing, until));
		const next = scormReport('scorm12', { standing, decisions, written: [], count: ids.length, reportedUntil: carried.reportedUntil });
		expect(interactionIds(next)).toEqual([]);
	});

	it('a practice run, or a run not finished yet, sends no interaction', () => {
		const practice = run('practice-run', 5_000, { practice: true });
		expect(practice.finishedAt).toBeDefined();
		const open = run('open-run', 5_000, { inputs: 6 });
		expect(open.finishedAt).toBeUndefined();
		for (const runs of [[practice], [open]]) {
			const standing = assignmentStanding(assignment, [], undefined, runs);
			const { decisions } = countedShiftDecisions(standing, shifts);
			expect(decisions).toEqual([]);
			expect(interactionIds(scormReport('scorm2004', { standing, decisions, written: [] }))).toEqual([]);
		}
		// Once the open run ends, its answers go.
		const ended = { ...run('open-run', 5_000) };
		expect(countedShiftDecisions(assignmentStanding(assignment, [], undefined, [ended]), shifts).decisions.length).toBeGreaterThan(0);
	});
});

describe('SCORM objectives from a shift', () => {
	it('a competency practised only in the shift is an objective, scored by the run\'s evidence and finished with the shift', () => {
		const r = run('11111111-2222-4333-8444-555555555555', 5_000);
		const onlyShift = [...new Set(r.evidence.map((e) => e.competency))].filter((c) => !HIPAA.meta.competencies.includes(c));
		expect(onlyShift.length).toBeGreaterThan(0);
		const c = onlyShift[0]!;
		const listed = new Map([[HIPAA.meta.id, HIPAA.meta.competencies]]);
		const objectives = assignmentObjectives({ standing: assignmentStanding(assignment, [], undefined, [r]), passMark: assignment.passMark, listed, nameOf: (id) => `Name of ${id}` });
		const o = objectives.find((x) => x.competency === c);
		const ev = r.evidence.filter((e) => e.competency === c);
		expect(o).toMatchObject({ points: { earned: ev.reduce((n, e) => n + e.earned, 0), possible: ev.reduce((n, e) => n + e.possible, 0) }, completion: 'completed' });
		const api = new Scorm2004API({ logLevel: 5 });
		api.Initialize('');
		const { values } = objectiveValues('scorm2004', objectives, []);
		expect(apply(api, values)).toEqual([]);
		const n = Number(api.GetValue('cmi.objectives._count'));
		expect(Array.from({ length: n }, (_, i) => api.GetValue(`cmi.objectives.${i}.id`))).toContain(objectiveId(c));

		// A run still open: evidence so far, incomplete. A practice run: no objective at all.
		const open = run('open-run', 5_000, { inputs: 30 });
		expect(open.finishedAt).toBeUndefined();
		const some = assignmentObjectives({ standing: assignmentStanding(assignment, [], undefined, [open]), passMark: assignment.passMark, listed, nameOf: String });
		const fromShift = some.filter((x) => x.points && !HIPAA.meta.competencies.includes(x.competency));
		expect(fromShift.length).toBeGreaterThan(0);
		expect(fromShift.every((x) => x.completion === 'incomplete' && x.success === 'unknown')).toBe(true);
		const practice = assignmentObjectives({ standing: assignmentStanding(assignment, [], undefined, [run('p', 5_000, { practice: true })]), passMark: assignment.passMark, listed, nameOf: String });
		expect(practice.filter((x) => x.points)).toEqual([]);
	});
});
