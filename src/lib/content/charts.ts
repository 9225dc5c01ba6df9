/**
 * Loads content/office/charts.yaml: one EHR chart per patient of the clinic, cross-checked against the
 * world (patients, providers, staff, appointment types) and the clinic's today. Pure: no file system.
 */
import type { ContentError } from './errors';
import { parseYaml } from './yaml';
import { ChartsFile, PatientChart } from './schema/chart';
import type { ClinicWorld } from './world';
import { lookupCode, type CodeIndex } from '../office/codesets';

export const CHARTS_FILE = 'content/office/charts.yaml';

function lineOf(text: string, needle: string): number {
	const i = text.indexOf(needle);
	return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

export function loadCharts(files: Readonly<Record<string, string>>, world: ClinicWorld): { value?: PatientChart[]; errors: ContentError[] } {
	const text = files[CHARTS_FILE];
	if (text === undefined) return { errors: [{ file: CHARTS_FILE, line: 1, message: 'file is missing' }] };
	const parsed = parseYaml(text, ChartsFile, CHARTS_FILE);
	if (!parsed.value) return { errors: parsed.errors };
	const errors: ContentError[] = [];
	const err = (needle: string, message: string) => errors.push({ file: CHARTS_FILE, line: lineOf(text, needle), message });
	const patients = new Set(world.patients.map((p) => p.id));
	const providers = new Set(world.providers.map((p) => p.id));
	const people = new Set([...providers, ...world.staff.map((s) => s.id)]);
	const types = new Set(world.appointmentTypes.map((t) => t.id));
	const today = world.clinic.today;
	const seenPatients = new Set<string>();
	const ids = new Set<string>();
	for (const c of parsed.value.charts) {
		const at = `patient: ${c.patient}`;
		if (!patients.has(c.patient)) err(at, `unknown patient "${c.patient}"`);
		if (seenPatients.has(c.patient)) err(at, `${c.patient} has two charts (one chart per patient)`);
		seenPatients.add(c.patient);
		if (c.noKnownAllergies && c.allergies.length) err(at, `${c.patient}: says no known allergies and lists ${c.allergies.length}`);
		const own = (id: string, what: string) => {
			if (ids.has(id)) err(`id: ${id}`, `${c.patient}: ${what} id "${id}" is used twice (ids are unique across charts)`);
			ids.add(id);
		};
		const provider = (id: string | undefined, what: string) => {
			if (id !== undefined && !providers.has(id)) err(at, `${c.patient}: ${what} names unknown provider "${id}"`);
		};
		const notAfterToday = (date: string, what: string) => {
			if (date.slice(0, 10) > today) err(at, `${c.patient}: ${what} is dated ${date}, after the clinic's today (${today})`);
		};
		for (const m of c.medications) {
			provider(m.prescriber, `medication ${m.name}`);
			notAfterToday(m.started, `medication ${m.name}`);
			if (m.status === 'stopped' && !m.stopped) err(at, `${c.patient}: medication ${m.name} is stopped but has no stop date`);
		}
		for (const e of c.encounters) {
			own(e.id, 'encounter');
			provider(e.provider, `encounter ${e.id}`);
			if (!types.has(e.type)) err(`id: ${e.id}`, `${c.patient}: encounter ${e.id} has unknown appointment type "${e.type}"`);
			notAfterToday(e.date, `encounter ${e.id}`);
		}
		for (const v of c.missed) {
			provider(v.provider, `missed visit on ${v.date}`);
			if (!types.has(v.type)) err(at, `${c.patient}: missed visit on ${v.date} has unknown appointment type "${v.type}"`);
			notAfterToday(v.date, `missed visit on ${v.date}`);
		}
		const orders = new Set(c.orders.map((o) => o.id));
		for (const o of c.orders) {
			own(o.id, 'order');
			provider(o.orderedBy, `order ${o.id}`);
			notAfterToday(o.date, `order ${o.id}`);
		}
		for (const r of c.results) {
			own(r.id, 'result');
			provider(r.orderedBy, `result ${r.id}`);
			provider(r.reviewedBy, `result ${r.id}'s review`);
			if (r.order && !orders.has(r.order)) err(`id: ${r.id}`, `${c.patient}: result ${r.id} answers order "${r.order}", which is not in this chart`);
			notAfterToday(r.date, `result ${r.id}`);
		}
		for (const d of c.documents) {
			own(d.id, 'document');
			notAfterToday(d.date, `document ${d.id}`);
		}
		for (const m of c.messages) {
			own(m.id, 'message');
			notAfterToday(m.at, `message ${m.id}`);
		}
		for (const i of c.immunizations) {
			if (i.givenBy && !people.has(i.givenBy)) err(at, `${c.patient}: ${i.vaccine} given by unknown staff member "${i.givenBy}"`);
			notAfterToday(i.date, `immunization ${i.vaccine}`);
		}
		for (const a of c.audit) {
			if (!people.has(a.user)) err(at, `${c.patient}: audit entry at ${a.at} names unknown user "${a.user}"`);
			notAfterToday(a.at, `audit entry at ${a.at}`);
		}
		for (const v of c.vitals) notAfterToday(v.date, 'vitals');
		for (const d of c.disclosureLog) notAfterToday(d.date, `disclosure to ${d.to}`);
	}
	// Every registered patient has a chart, even a new one with nothing recorded yet: a missing entry
	// is a gap in the record a records desk would be asked to explain, not a silent empty chart.
	for (const p of world.patients)
		if (!seenPatients.has(p.id)) errors.push({ file: CHARTS_FILE, line: 1, message: `${p.id} (${p.firstName} ${p.lastName}) has no chart (one chart per patient)` });
	if (errors.length) return { errors };
	const byPatient = new Map(parsed.value.charts.map((c) => [c.patient, c]));
	return { value: world.patients.map((p) => byPatient.get(p.id)!), errors: [] };
}

/** A problem list holds codes a claim could carry: each must be in the code set and billable. */
export function checkChartCodes(charts: readonly PatientChart[], icd: CodeIndex): ContentError[] {
	const errors: ContentError[] = [];
	for (const c of charts)
		for (const p of c.problems) {
			const entry = lookupCode(icd, p.code);
			if (!entry) errors.push({ file: CHARTS_FILE, line: 1, message: `${c.patient}: problem ${p.code} is not in ICD-10-CM FY2026` });
			else if (!entry.billable) errors.push({ file: CHARTS_FILE, line: 1, message: `${c.patient}: problem ${p.code} is a category, not a billable code` });
		}
	return errors;
}
