/**
 * The report kind: the engine (each report type, each filter, exclusions, data-quality findings) over
 * a small made-up roster; the grader rule by rule, each with a working that passes and one that fails;
 * two different valid workings of each shipped report scenario at full marks; and the content check
 * that proves a key against the engine.
 */
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, runReport, type MeasureDef, type ReportFilters, type ReportRecord } from '../../src/lib/ehr/report';
import { ReportBlock, type ResolvedReportBlock } from '../../src/lib/content/schema/report';
import { readFigure, report } from '../../src/lib/engine/interactions/report';
import type { Input } from '../../src/lib/engine/types';
import { readContentFiles } from '../../scripts/read-content';
import { loadContent } from '../../src/lib/content';
import { checkReportSteps } from '../../src/lib/content/reports';
import { checkAuthored } from '../../src/lib/authoring';
import { AUTHOR_TEMPLATES } from '../../src/lib/author-templates';
import { replay, summarize } from '../../src/lib/engine/engine';
import { reportKeyInput } from '../support/report-key';
import { bestIntentInput } from '../support/best-input';
import type { Scenario } from '../../src/lib/content/schema/scenario';

const person = (id: string, over: Partial<ReportRecord>): ReportRecord => ({
	id,
	firstName: id,
	lastName: id.toUpperCase(),
	dob: '1970-01-01',
	sex: 'M',
	pcp: 'prov-a',
	payer: 'plan-x',
	problems: [],
	medications: [],
	immunizations: [],
	results: [],
	encounters: [],
	missed: [],
	...over
});
const dm = [{ code: 'E11.9', status: 'chronic' }];
const records: ReportRecord[] = [
	person('met', { problems: dm, results: [{ test: 'Hemoglobin A1c', date: '2025-10-01' }] }),
	person('old', { problems: dm, results: [{ test: 'Hemoglobin A1c', date: '2025-01-01' }], pcp: 'prov-b' }),
	person('never', { problems: dm, sex: 'F', payer: '' }),
	person('palliative', { problems: [...dm, { code: 'Z51.5', status: 'active' }] }),
	person('too-old', { problems: dm, dob: '1940-01-01' }),
	person('resolved', { problems: [{ code: 'E11.9', status: 'resolved' }] }),
	person('on-metformin', { medications: [{ name: 'Metformin 500 mg', status: 'active' }] }),
	person('twice', { problems: dm, dob: '1990-06-01', payer: 'plan-y', results: [{ test: 'Hemoglobin A1c', date: '2025-09-01' }, { test: 'Hemoglobin A1c', date: '2025-09-01' }] }),
	person('visits', {
		encounters: [{ date: '2025-10-02', provider: 'prov-a' }, { date: '2025-10-20', provider: 'prov-b' }],
		missed: [{ date: '2025-10-05', provider: 'prov-a', status: 'no-show' }, { date: '2025-10-06', provider: 'prov-a', status: 'cancelled' }, { date: '2025-10-20', provider: 'prov-b', status: 'no-show' }, { date: '2025-11-02', provider: 'prov-a', status: 'no-show' }]
	}),
	person('woman', { sex: 'F', dob: '1960-03-01', encounters: [{ date: '2025-10-09', provider: 'prov-a' }] })
];
const measures: MeasureDef[] = [
	{ id: 'dm', title: 'Diabetes A1c', denominator: { problems: ['E10', 'E11'], ageMin: 18, ageMax: 75 }, numerator: { results: ['a1c'], months: 6 }, exclusions: { problems: ['Z51.5'] }, hints: { medications: ['metformin'] } }
];
const run = (id: string, f: Partial<ReportFilters>) => {
	const r = runReport(records, measures, id, { ...NO_FILTERS, ...f });
	if (!r.result) throw new Error(r.error);
	return r.result;
};
const asOf = { to: '11/24/2025' };

describe('report engine', () => {
	it('a quality measure: denominator by problem and age, exclusions, numerator within the look-back, rate over the eligible', () => {
		const r = run('measure:dm', asOf);
		expect(r.lists.denominator!.sort()).toEqual(['met', 'never', 'old', 'palliative', 'twice']);
		expect(r.lists.excluded).toEqual(['palliative']);
		expect(r.lists.numerator!.sort()).toEqual(['met', 'twice']);
		expect(r.counts).toMatchObject({ denominator: 5, excluded: 1, numerator: 2, due: 2, rate: 50 });
	});
	it('a resolved problem and an age over the range keep a patient out', () => {
		const r = run('measure:dm', asOf);
		expect(r.lists.denominator).not.toContain('resolved');
		expect(r.lists.denominator).not.toContain('too-old');
	});
	it('the due list shows only who is due, with the last date', () => {
		const r = run('due:dm', asOf);
		expect(r.rows.map((x) => [x.patient, x.date]).sort()).toEqual([['never', ''], ['old', '2025-01-01']]);
	});
	it('the as-of date moves the look-back', () => {
		expect(run('measure:dm', { to: '04/30/2025' }).lists.numerator).toEqual(['old']);
	});
	it('data-quality findings: a diagnosis-suggesting medication, a duplicate entry counted once, no coverage', () => {
		const r = run('measure:dm', asOf);
		expect(r.findings.map((f) => [f.patient, f.kind]).sort()).toEqual([['never', 'no-coverage'], ['on-metformin', 'possible-missing-diagnosis'], ['twice', 'duplicate-entry']]);
	});
	it('the provider filter reads the primary care provider for a measure', () => {
		expect(run('measure:dm', { ...asOf, provider: 'prov-b' }).lists.denominator).toEqual(['old']);
	});
	it('sex, age and payer filters narrow every report', () => {
		expect(run('measure:dm', { ...asOf, sex: 'F' }).lists.denominator).toEqual(['never']);
		expect(run('measure:dm', { ...asOf, ageMax: '40' }).lists.denominator).toEqual(['twice']);
		expect(run('measure:dm', { ...asOf, ageMin: '50' }).lists.denominator!.sort()).toEqual(['met', 'never', 'old', 'palliative']);
		expect(run('measure:dm', { ...asOf, payer: 'plan-y' }).lists.denominator).toEqual(['twice']);
		expect(run('measure:dm', { ...asOf, payer: 'self-pay' }).lists.denominator).toEqual(['never']);
	});
	it('the no-show rate: no-shows over kept visits and no-shows in the range, cancellations left out', () => {
		const r = run('no-show', { from: '10/01/2025', to: '10/31/2025' });
		expect(r.counts).toEqual({ visits: 5, 'no-shows': 2, rate: 40 });
		expect(r.rows.find((x) => x.status === 'cancelled')).toBeTruthy();
	});
	it('the no-show provider filter reads the visit\'s provider; the date range leaves out November', () => {
		const r = run('no-show', { from: '10/01/2025', to: '10/31/2025', provider: 'prov-a' });
		expect(r.counts).toEqual({ visits: 3, 'no-shows': 1, rate: 33.3 });
		expect(run('no-show', { from: '10/01/2025', to: '11/30/2025', provider: 'prov-a' }).counts['no-shows']).toBe(2);
		expect(run('no-show', { from: '10/01/2025', to: '10/31/2025', sex: 'F' }).counts).toEqual({ visits: 1, 'no-shows': 0, rate: 0 });
	});
	it('a no-show beside a kept visit the same day is a finding', () => {
		expect(run('no-show', { from: '10/01/2025', to: '10/31/2025' }).findings.map((f) => f.kind)).toEqual(['no-show-with-visit']);
	});
	it('refuses filters it cannot read, in plain words', () => {
		expect(runReport(records, measures, 'measure:dm', NO_FILTERS).error).toMatch(/as of/);
		expect(runReport(records, measures, 'no-show', { ...NO_FILTERS, to: '10/31/2025' }).error).toMatch(/date range/);
		expect(runReport(records, measures, 'no-show', { ...NO_FILTERS, from: '11/01/2025', to: '10/31/2025' }).error).toMatch(/after/);
		expect(runReport(records, measures, 'measure:dm', { ...NO_FILTERS, to: '13/45/2025' }).error).toMatch(/not a date/);
		expect(runReport(records, measures, 'measure:dm', { ...NO_FILTERS, to: '11/24/2025', ageMin: 'fifty' }).error).toMatch(/whole number/);
		expect(runReport(records, measures, 'measure:nope', { ...NO_FILTERS, to: '11/24/2025' }).error).toMatch(/choose a report/);
	});
});

const block: ResolvedReportBlock = {
	...ReportBlock.parse({
		prompt: 'Run it.',
		report: ['measure:dm', 'due:dm'],
		filters: { to: '2025-11-24', provider: ['prov-a', ''] },
		questions: [
			{ type: 'number', id: 'den', ask: 'Denominator?', value: 'denominator', answer: 4 },
			{ type: 'number', id: 'rate', ask: 'Rate?', value: 'rate', answer: 66.7 },
			{ type: 'patients', id: 'due', ask: 'Who is due?', value: 'due', answer: ['never', 'old'] },
			{ type: 'choice', id: 'why', ask: 'Why?', options: [{ id: 'right', text: 'Age.', correct: true, feedback: 'Yes.' }, { id: 'wrong', text: 'Payer.', feedback: 'No: the measure has no payer rule.' }] }
		],
		teach: 'The request names the as-of date.'
	}),
	context: { patients: [{ id: 'never', name: 'Nev Er' }, { id: 'old', name: 'Ol D' }, { id: 'met', name: 'Me T' }] }
};
const key: Extract<Input, { kind: 'report' }> = { kind: 'report', report: 'measure:dm', filters: { to: '11/24/2025', provider: 'prov-a' }, answers: { den: '4', rate: '66.7', due: ['never', 'old'], why: 'right' } };
const grade = (input: Extract<Input, { kind: 'report' }>) => report.grade(block, input);
const rule = (input: Extract<Input, { kind: 'report' }>, name: string) => (grade(input).marks as { rules: { rule: string; ok: boolean; message: string }[] }).rules.find((r) => r.rule === name)!;
const score = (input: Extract<Input, { kind: 'report' }>) => grade(input).evidence.reduce((n, e) => n + e.earned, 0);

describe('report grader', () => {
	it('the key earns every point', () => {
		expect(grade(key).verdict).toBe('best');
	});
	it('report: either keyed report passes; another fails and says which was needed', () => {
		expect(rule({ ...key, report: 'due:dm' }, 'report').ok).toBe(true);
		expect(rule({ ...key, report: 'no-show' }, 'report')).toMatchObject({ ok: false, message: expect.stringMatching(/measure:dm or due:dm/) });
	});
	it('a date filter passes however the date is typed, and fails when it is another day', () => {
		expect(rule({ ...key, filters: { ...key.filters, to: '2025-11-24' } }, 'filter-to').ok).toBe(true);
		expect(rule({ ...key, filters: { ...key.filters, to: '11/21/2025' } }, 'filter-to')).toMatchObject({ ok: false, message: expect.stringMatching(/2025-11-24, not 2025-11-21/) });
	});
	it('a filter with alternatives accepts each (here: the provider, or any)', () => {
		expect(rule({ ...key, filters: { to: '11/24/2025', provider: '' } }, 'filter-provider').ok).toBe(true);
		expect(rule({ ...key, filters: { ...key.filters, provider: 'prov-b' } }, 'filter-provider').ok).toBe(false);
	});
	it('a filter the task did not ask for fails, naming it', () => {
		expect(rule(key, 'filter-other').ok).toBe(true);
		expect(rule({ ...key, filters: { ...key.filters, sex: 'F' } }, 'filter-other')).toMatchObject({ ok: false, message: expect.stringMatching(/beyond the task: sex \(F\)/) });
	});
	it('a count must be exact', () => {
		expect(rule({ ...key, answers: { ...key.answers, den: '5' } }, 'den')).toMatchObject({ ok: false, message: expect.stringMatching(/4, not 5/) });
	});
	it('a rate is right to the nearest percent, with or without the percent sign', () => {
		expect(rule({ ...key, answers: { ...key.answers, rate: '67%' } }, 'rate').ok).toBe(true);
		expect(rule({ ...key, answers: { ...key.answers, rate: '66.67' } }, 'rate').ok).toBe(true);
		expect(rule({ ...key, answers: { ...key.answers, rate: '50%' } }, 'rate').ok).toBe(false);
		expect(readFigure('3/7')).toBeNaN();
		expect(readFigure('about half')).toBeNaN();
	});
	it('a patient list is right in any order; a missing or extra patient fails, showing both lists', () => {
		expect(rule({ ...key, answers: { ...key.answers, due: ['old', 'never'] } }, 'due').ok).toBe(true);
		expect(rule({ ...key, answers: { ...key.answers, due: ['never'] } }, 'due')).toMatchObject({ ok: false, message: expect.stringMatching(/Nev Er; Ol D, not Nev Er\./) });
		expect(rule({ ...key, answers: { ...key.answers, due: ['never', 'old', 'met'] } }, 'due')).toMatchObject({ ok: false, message: expect.stringMatching(/, not Nev Er; Ol D; Me T\./) });
	});
	it('a choice question passes on the keyed option and gives the chosen option\'s reason otherwise', () => {
		expect(rule({ ...key, answers: { ...key.answers, why: 'wrong' } }, 'why')).toMatchObject({ ok: false, message: expect.stringMatching(/no payer rule/) });
	});
	it('two valid workings both earn full marks', () => {
		const other: Extract<Input, { kind: 'report' }> = { kind: 'report', report: 'due:dm', filters: { to: '2025-11-24', provider: '' }, answers: { den: '4', rate: '67%', due: ['old', 'never'], why: 'right' } };
		expect(grade(other).verdict).toBe('best');
		expect(score(other)).toBe(score(key));
	});
	it('check() refuses an answer with no report run; a blank or wordy figure is graded wrong, naming what was given', () => {
		expect(report.check(block, { ...key, report: '' })).toMatch(/run a report/);
		expect(report.check(block, key)).toBeUndefined();
		expect(rule({ ...key, answers: { ...key.answers, den: '' } }, 'den')).toMatchObject({ ok: false, message: expect.stringMatching(/4, not blank/) });
		expect(rule({ ...key, answers: { ...key.answers, rate: 'about half' } }, 'rate')).toMatchObject({ ok: false, message: expect.stringMatching(/not about half/) });
	});
});

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const content = loadContent(files).content!;

describe('shipped report scenarios', () => {
	const withReport = content.scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'report'));

	it('a quality and an operational report scenario in the Records desk, each with three decisions or more', () => {
		const evidence = (s: Scenario) => new Set(Object.values(s.steps).flatMap((st) => (st.interaction?.kind === 'report' ? [st.interaction.block.scoring.report] : [])));
		expect(withReport.filter((s) => s.meta.kind === 'records').length).toBeGreaterThanOrEqual(2);
		expect(withReport.some((s) => evidence(s).has('cehrs.reporting.quality-reports'))).toBe(true);
		expect(withReport.some((s) => evidence(s).has('cehrs.reporting.operational-reports'))).toBe(true);
		for (const s of withReport) expect(Object.values(s.steps).filter((st) => st.interaction).length, s.meta.id).toBeGreaterThanOrEqual(3);
	});

	const play = (s: Scenario, pick: 'first' | 'last') => {
		const inputs: Input[] = [];
		let state = replay(s, 7, []);
		while (state.stepId) {
			const it = s.steps[state.stepId]!.interaction!;
			inputs.push(it.kind === 'report' ? reportKeyInput(it, pick) : bestIntentInput(it));
			state = replay(s, 7, inputs);
		}
		return { summary: summarize(state), inputs };
	};

	it('two different valid workings of each report scenario both earn full marks', () => {
		for (const s of withReport) {
			const a = play(s, 'first');
			const b = play(s, 'last');
			expect(JSON.stringify(a.inputs), `${s.meta.id}: the two workings differ`).not.toBe(JSON.stringify(b.inputs));
			for (const { summary } of [a, b]) {
				expect(summary.score, s.meta.id).toBe(1);
				expect(summary.passed, s.meta.id).toBe(true);
			}
		}
	});
});

describe('report content checks', () => {
	const template = AUTHOR_TEMPLATES.find((t) => t.kind === 'report')!.text;
	const parsed = (text: string) => checkAuthored(text, content.world, content.competencies.frameworks, new Set()).scenario!;
	const proof = (text: string) => checkReportSteps([parsed(text)], content.world, content.charts, content.measures).map((e) => e.message);

	it('the template passes, and its key is what the report gives over the shipped charts', () => {
		expect(checkAuthored(template, content.world, content.competencies.frameworks, new Set()).errors).toEqual([]);
		expect(proof(template)).toEqual([]);
	});
	it('a key the report does not give is refused with what the report gives', () => {
		expect(proof(template.replace('answer: 42.9', 'answer: 50'))).toEqual([expect.stringMatching(/question "rate": the key says 50 but the report \(report no-show\) gives 42.9/)]);
		expect(proof(template.replace('pt-harold-jensen]', 'pt-linh-tran]'))).toEqual([expect.stringMatching(/question "who": the key lists .* but the report/)]);
	});
	it('an alternative filter value must give the same answers', () => {
		expect(proof(template.replace('provider: prov-okafor', 'provider: [prov-okafor, ""]'))[0]).toMatch(/provider "any"/);
	});
	it('an unknown report is refused with the list of reports', () => {
		expect(proof(template.replace('report: no-show', 'report: no-shows'))).toEqual([expect.stringMatching(/unknown report "no-shows" \(reports: .*no-show/)]);
	});
});
