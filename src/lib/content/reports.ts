/**
 * The EHR's report definitions (content/office/measures.yaml) and the proof of every report step's
 * key: the content check runs the report engine with the keyed report and filters over the clinic's
 * charts, and refuses an answer the engine does not give, so the grader can compare with the key alone.
 */
import type { ContentError } from './errors';
import { parseYaml } from './yaml';
import { MeasuresFile, type Measure, type ReportBlock } from './schema/report';
import type { PatientChart } from './schema/chart';
import type { Scenario } from './schema/scenario';
import type { ClinicWorld } from './world';
import { FILTER_NAMES, NO_FILTERS, reportIds, reportRecords, runReport, type ReportFilters, type ReportRecord } from '../ehr/report';

export const MEASURES_FILE = 'content/office/measures.yaml';

export function loadMeasures(files: Readonly<Record<string, string>>): { value?: Measure[]; errors: ContentError[] } {
	const text = files[MEASURES_FILE];
	if (text === undefined) return { errors: [{ file: MEASURES_FILE, line: 1, message: 'file is missing' }] };
	const parsed = parseYaml(text, MeasuresFile, MEASURES_FILE);
	if (!parsed.value) return { errors: parsed.errors };
	const seen = new Set<string>();
	const errors: ContentError[] = [];
	for (const m of parsed.value.measures) {
		if (seen.has(m.id)) errors.push({ file: MEASURES_FILE, line: 1, message: `measure "${m.id}" is defined twice` });
		seen.add(m.id);
	}
	return errors.length ? { errors } : { value: parsed.value.measures, errors };
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** Every combination the key accepts would take long to list; each accepted value is tried with the rest at their first. */
function keyedWorkings(b: ReportBlock): { report: string; filters: ReportFilters; label: string }[] {
	const base: ReportFilters = { ...NO_FILTERS };
	for (const name of FILTER_NAMES) {
		const v = b.filters[name];
		if (v !== undefined) base[name] = list(v)[0]!;
	}
	const out = list(b.report).map((report) => ({ report, filters: base, label: `report ${report}` }));
	for (const name of FILTER_NAMES) {
		const v = b.filters[name];
		if (v !== undefined) for (const alt of list(v).slice(1)) out.push({ report: list(b.report)[0]!, filters: { ...base, [name]: alt }, label: `${name} "${alt || 'any'}"` });
	}
	return out;
}

export function checkReportSteps(scenarios: readonly Scenario[], world: ClinicWorld, charts: readonly PatientChart[], measures: readonly Measure[]): ContentError[] {
	const records: ReportRecord[] = reportRecords(world.patients, charts);
	const ids = new Set(reportIds(measures));
	const errors: ContentError[] = [];
	for (const s of scenarios)
		for (const [stepId, step] of Object.entries(s.steps)) {
			const it = step.interaction;
			if (it?.kind !== 'report') continue;
			const err = (message: string) => errors.push({ file: s.file, line: it.line, message: `step "${stepId}": ${message}` });
			const bad = list(it.block.report).filter((r) => !ids.has(r));
			if (bad.length) {
				err(`unknown report ${bad.map((r) => `"${r}"`).join(', ')} (reports: ${[...ids].join(', ')})`);
				continue;
			}
			for (const w of keyedWorkings(it.block)) {
				const run = runReport(records, measures, w.report, w.filters);
				if (!run.result) {
					err(`with ${w.label} the report does not run: ${run.error}`);
					continue;
				}
				for (const q of it.block.questions) {
					if (q.type === 'choice') continue;
					if (q.type === 'number') {
						const got = run.result.counts[q.value];
						if (got === undefined) err(`question "${q.id}": the ${w.report} report gives no ${q.value}`);
						else if (got !== q.answer) err(`question "${q.id}": the key says ${q.answer} but the report (${w.label}) gives ${got ?? 'no rate'}`);
					} else {
						const got = run.result.lists[q.value];
						if (got === undefined) err(`question "${q.id}": the ${w.report} report lists no ${q.value}`);
						else if ([...got].sort().join() !== [...q.answer].sort().join()) err(`question "${q.id}": the key lists ${q.answer.join(', ') || 'nobody'} but the report (${w.label}) lists ${got.join(', ') || 'nobody'}`);
					}
				}
			}
		}
	return errors;
}
