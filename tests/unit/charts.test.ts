/**
 * Issue 20: the EHR's charts (content/office/charts.yaml) load with the world and are checked against
 * it: who the patient is, who prescribed, ordered and looked, the code set, and the clinic's today.
 */
import { describe, expect, it } from 'vitest';
import { CODESET_FILES, loadContent } from '../../src/lib/content';
import { CHARTS_FILE, checkChartCodes, loadCharts } from '../../src/lib/content/charts';
import { loadWorld } from '../../src/lib/content/world';
import { parseIcdIndex } from '../../src/lib/office/codesets';
import { readContentFiles } from '../../scripts/read-content';

const files = readContentFiles();
const shipped = loadContent(files);
const world = loadWorld(files).value!;
const icd = parseIcdIndex(files[CODESET_FILES.icd10cm]!);
/** The yaml under test, with a bare chart appended for every other patient so only its own faults show. */
const everyoneElse = (yaml: string) =>
	yaml + world.patients.filter((p) => !new RegExp(`patient: ${p.id}$`, 'm').test(yaml)).map((p) => `  - patient: ${p.id}\n`).join('');
const withCharts = (yaml: string) => {
	const r = loadCharts({ [CHARTS_FILE]: everyoneElse(yaml) }, world);
	return { errors: [...r.errors, ...checkChartCodes(r.value ?? [], icd)], charts: r.value };
};
const messages = (yaml: string) => withCharts(yaml).errors.map((e) => `${e.file}:${e.line} ${e.message}`);

describe('the shipped charts', () => {
	it('give every patient of the clinic a chart, in the roster order', () => {
		expect(shipped.errors).toEqual([]);
		const { world, charts } = shipped.content!;
		expect(charts.map((c) => c.patient)).toEqual(world.patients.map((p) => p.id));
	});
});

describe('a chart that does not fit the clinic is refused by name', () => {
	const one = (body: string) => `charts:\n  - patient: pt-mei-chen\n${body}`;
	it('an unknown patient, and two charts for one patient', () => {
		expect(messages('charts:\n  - patient: pt-nobody\n')).toEqual([`${CHARTS_FILE}:2 unknown patient "pt-nobody"`]);
		expect(messages('charts:\n  - patient: pt-mei-chen\n  - patient: pt-mei-chen\n')).toEqual([`${CHARTS_FILE}:2 pt-mei-chen has two charts (one chart per patient)`]);
	});
	it('an unknown prescriber, orderer or audit user', () => {
		expect(messages(one('    medications:\n      - { name: X 5 mg, sig: once a day, prescriber: prov-nobody, started: "2025-01-01", status: active }\n'))).toEqual([
			`${CHARTS_FILE}:2 pt-mei-chen: medication X 5 mg names unknown provider "prov-nobody"`
		]);
		expect(messages(one('    audit:\n      - { at: "2025-01-01T09:00", user: staff-nobody, action: viewed, section: Demographics }\n'))).toEqual([
			`${CHARTS_FILE}:2 pt-mei-chen: audit entry at 2025-01-01T09:00 names unknown user "staff-nobody"`
		]);
	});
	it('a date after the clinic day, a result for an order not in the chart, no known allergies with allergies', () => {
		expect(messages(one('    vitals:\n      - { date: "2025-12-01", pulse: 70 }\n'))).toEqual([`${CHARTS_FILE}:2 pt-mei-chen: vitals is dated 2025-12-01, after the clinic's today (2025-11-24)`]);
		expect(messages(one('    results:\n      - { id: res-x, date: "2025-01-02", test: CBC, orderedBy: prov-lindqvist, flag: normal, summary: Normal., order: ord-missing }\n'))).toEqual([
			`${CHARTS_FILE}:4 pt-mei-chen: result res-x answers order "ord-missing", which is not in this chart`
		]);
		expect(messages(one('    noKnownAllergies: true\n    allergies:\n      - { substance: Penicillin, reaction: Hives, severity: moderate }\n'))).toEqual([`${CHARTS_FILE}:2 pt-mei-chen: says no known allergies and lists 1`]);
	});
	it('a problem code that is not in ICD-10-CM, or is only a category', () => {
		expect(messages(one('    problems:\n      - { code: E11.99, description: X, status: active }\n'))).toEqual([`${CHARTS_FILE}:1 pt-mei-chen: problem E11.99 is not in ICD-10-CM FY2026`]);
		expect(messages(one('    problems:\n      - { code: E11, description: X, status: active }\n'))).toEqual([`${CHARTS_FILE}:1 pt-mei-chen: problem E11 is a category, not a billable code`]);
	});
	it('a patient with no chart is refused by name', () => {
		const all = everyoneElse('charts:\n');
		const withoutJensen = all.replace('  - patient: pt-harold-jensen\n', '');
		expect(loadCharts({ [CHARTS_FILE]: all }, world).errors).toEqual([]);
		expect(loadCharts({ [CHARTS_FILE]: withoutJensen }, world).errors.map((e) => e.message)).toEqual([
			'pt-harold-jensen (Harold Jensen) has no chart (one chart per patient)'
		]);
	});
	it('a new patient with nothing recorded yet has a bare chart: nothing listed, allergies not asked', () => {
		const c = withCharts('charts:\n  - patient: pt-yuki-tanaka\n').charts!.find((x) => x.patient === 'pt-yuki-tanaka')!;
		expect(c).toMatchObject({ problems: [], allergies: [], noKnownAllergies: false });
	});
});
