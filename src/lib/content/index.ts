import type { ContentError } from './errors';
import type { Scenario } from './schema/scenario';
import type { CompetencyFile } from './schema/competencies';
import { loadCompetencies, loadWorld, type ClinicWorld } from './world';
import { parseScenario } from './scenario';
import { checkCodeSets } from './billing-rules';
import { loadQuestions } from './questions';
import { loadStartHere, type StartStep } from './start-here';
import type { Item } from './schema/questions';
import { parseHcpcsIndex, parseIcdIndex } from '../office/codesets';
import { checkChartCodes, loadCharts } from './charts';
import type { PatientChart } from './schema/chart';
import { checkCodeTerms, loadCodeTerms, type CodeTermSets } from './code-terms';
import { loadShifts } from './shift';
import { checkReportSteps, loadMeasures } from './reports';
import type { Measure } from './schema/report';
import type { Shift } from './schema/shift';

/** The shipped code-set files (derived from ../shared/reference by scripts/build-codesets.ts). */
export const CODESET_FILES = { icd10cm: 'content/codesets/icd10cm-2026.tsv', hcpcs: 'content/codesets/hcpcs-2025oct.tsv' } as const;

export type { ContentError } from './errors';
export { formatError } from './errors';
export type { ClinicWorld } from './world';
export { parseScenario } from './scenario';

export const SCENARIO_DIR = 'content/scenarios/';
/** Every shipped scenario gives the learner at least this many decisions. */
export const MIN_DECISIONS = 3;

export interface Content {
	competencies: CompetencyFile;
	world: ClinicWorld;
	scenarios: Scenario[];
	/** Exam-style items (content/questions/), each tied to a competency. */
	questions: (Item & { file: string })[];
	/** The EHR: one chart per patient of the world, in the world's order. */
	charts: PatientChart[];
	/** The EHR's report measures (content/office/measures.yaml), our own simplified definitions. */
	measures: Measure[];
	/** The code pickers' common codes and synonyms (content/codes/). */
	codeTerms: CodeTermSets;
	/** The catalog's "Start here" path for a first-week student (content/start-here.yaml). */
	startHere: StartStep[];
	/** Shifts (content/shifts/): a stretch of the day's work arriving on a clock. */
	shifts: Shift[];
}

/** Loads and validates all content from a map of repo-relative path → text. Pure: no file system. */
export function loadContent(files: Readonly<Record<string, string>>): { content?: Content; errors: ContentError[] } {
	const comp = loadCompetencies(files);
	const world = loadWorld(files);
	const codeTerms = loadCodeTerms(files);
	const errors = [...comp.errors, ...world.errors, ...codeTerms.errors];
	if (!comp.value || !world.value || !codeTerms.value) return { errors };

	const known = {
		competencies: new Set(comp.value.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id)))),
		patients: new Set(world.value.patients.map((p) => p.id)),
		providers: new Set(world.value.providers.map((p) => p.id)),
		appointmentTypes: new Set(world.value.appointmentTypes.map((t) => t.id)),
		rooms: new Set(world.value.clinic.rooms.map((r) => r.id)),
		fees: new Set(world.value.fees.map((f) => f.code)),
		modifiers: new Set(world.value.modifiers.map((m) => m.code)),
		payers: new Set(world.value.payers.map((p) => p.id))
	};
	const scenarios: Scenario[] = [];
	const byId = new Map<string, string>();
	for (const path of Object.keys(files).filter((p) => p.startsWith(SCENARIO_DIR) && p.endsWith('.md')).sort()) {
		const result = parseScenario(files[path]!, path, { known, world: world.value, minDecisions: MIN_DECISIONS });
		errors.push(...result.errors);
		if (!result.scenario) continue;
		const id = result.scenario.meta.id;
		if (byId.has(id)) errors.push({ file: path, line: 2, message: `duplicate scenario id "${id}" (also in ${byId.get(id)})` });
		else if (`${SCENARIO_DIR}${id}.md` !== path) errors.push({ file: path, line: 2, message: `the file name must be the scenario id: ${id}.md` });
		byId.set(id, path);
		scenarios.push(result.scenario);
	}
	for (const s of scenarios)
		if (s.meta.follows && !byId.has(s.meta.follows)) errors.push({ file: s.file, line: 2, message: `follows unknown scenario "${s.meta.follows}"` });
	// The code sets are large; they are checked only when the caller read them (build, content check, tests).
	const icdText = files[CODESET_FILES.icd10cm];
	const hcpcsText = files[CODESET_FILES.hcpcs];
	const charts = loadCharts(files, world.value);
	errors.push(...charts.errors);
	const measures = loadMeasures(files);
	errors.push(...measures.errors);
	if (charts.value && measures.value) errors.push(...checkReportSteps(scenarios, world.value, charts.value, measures.value));
	if (icdText !== undefined && hcpcsText !== undefined) {
		const [icd, hcpcs] = [parseIcdIndex(icdText), parseHcpcsIndex(hcpcsText)];
		errors.push(...checkCodeSets(scenarios, world.value, icd, hcpcs), ...checkCodeTerms(codeTerms.value, files, icd, hcpcs));
		errors.push(...checkChartCodes(charts.value ?? [], icd));
	}
	const questions = loadQuestions(files, known.competencies);
	errors.push(...questions.errors);
	const startHere = loadStartHere(files, scenarios);
	errors.push(...startHere.errors);
	const shifts = loadShifts(files, known, world.value);
	errors.push(...shifts.errors);
	if (errors.length) return { errors };
	return { content: { competencies: comp.value, world: world.value, scenarios, questions: questions.items, charts: charts.value!, measures: measures.value!, codeTerms: codeTerms.value, startHere: startHere.value!, shifts: shifts.value }, errors };
}
