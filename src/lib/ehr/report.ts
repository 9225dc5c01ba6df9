/**
 * The EHR's report engine, as a records desk runs it: a report type and filters over the clinic's
 * charts give a result table, its counts and the data-quality findings a careful clerk notices. Pure
 * (no Svelte, DOM or Dexie). It stays in the report form's lazy chunk and in the content check: the
 * grader compares with keys the content check proves against this engine, so it never loads here.
 */
import { parseDob } from './dates';
import type { ReportFilters, ReportValue } from './report-terms';
export { FILTER_NAMES, FILTER_LABELS, REPORT_VALUES, type ReportFilters, type ReportValue } from './report-terms';

/** One patient as a report sees them: the roster's demographics and the chart facts reports read. */
export interface ReportRecord {
	id: string;
	firstName: string;
	lastName: string;
	dob: string;
	sex: string;
	/** The primary care provider (a measure's "provider" filter). */
	pcp: string;
	/** The primary payer's id; '' for self-pay. */
	payer: string;
	problems: { code: string; status: string }[];
	medications: { name: string; status: string }[];
	immunizations: { vaccine: string; date: string }[];
	results: { test: string; date: string }[];
	/** Kept visits. */
	encounters: { date: string; provider: string }[];
	/** Booked visits that did not happen. */
	missed: { date: string; provider: string; status: 'no-show' | 'cancelled' }[];
}

/** A quality measure or screening, our own simplified definition (content/office/measures.yaml). */
export interface MeasureDef {
	id: string;
	title: string;
	/** Who is eligible: a problem on the list (code prefixes), a sex and an age range on the as-of date. */
	denominator: { problems?: string[]; sex?: string; ageMin?: number; ageMax?: number };
	/** What counts as done: a result or immunization whose name holds one of the words, within the lookback. */
	numerator: { results?: string[]; immunizations?: string[]; months: number };
	/** Who is taken out of the denominator: a problem on the list (code prefixes). */
	exclusions?: { problems?: string[] };
	/** Medications that suggest the condition: on one with no matching problem is a data-quality finding. */
	hints?: { medications?: string[] };
}

export const NO_FILTERS: ReportFilters = { from: '', to: '', provider: '', sex: '', ageMin: '', ageMax: '', payer: '' };

export interface ReportRow {
	patient: string;
	name: string;
	dob: string;
	age: number;
	/** measure: met, due or excluded; no-show: kept, no-show or cancelled. */
	status: string;
	/** The date the row is about: the last qualifying result, or the visit's date. */
	date: string;
	provider: string;
	payer: string;
	why: string;
}
export interface Finding {
	patient: string;
	kind: 'possible-missing-diagnosis' | 'duplicate-entry' | 'no-coverage' | 'no-show-with-visit';
	text: string;
}
export interface ReportResult {
	rows: ReportRow[];
	/** The figures this report gives, by value name; a rate is a percentage to one decimal, null with no denominator. */
	counts: Partial<Record<ReportValue, number | null>>;
	/** The patients behind each list value. */
	lists: Partial<Record<ReportValue, string[]>>;
	findings: Finding[];
}

export type ReportOutcome = { result: ReportResult; error?: undefined } | { error: string; result?: undefined };

/** Report ids: `measure:<id>` (counts with exclusions), `due:<id>` (who is due, with the last date) and `no-show`. */
export function reportIds(measures: readonly MeasureDef[]): string[] {
	return [...measures.flatMap((m) => [`measure:${m.id}`, `due:${m.id}`]), 'no-show'];
}

export function ageOn(dob: string, day: string): number {
	const [by, bm, bd] = dob.split('-').map(Number);
	const [ty, tm, td] = day.split('-').map(Number);
	return ty! - by! - (tm! < bm! || (tm === bm && td! < bd!) ? 1 : 0);
}

/** The day `months` months before an ISO date (the end of a lookback), clamped to the month's end. */
export function monthsBefore(iso: string, months: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const total = y! * 12 + (m! - 1) - months;
	const ny = Math.floor(total / 12);
	const nm = total % 12;
	const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
	return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

/** Words are lower-cased once per run by the caller: a report reads every chart. */
const has = (text: string, words: readonly string[] | undefined) => {
	if (!words?.length) return false;
	const t = text.toLowerCase();
	return words.some((w) => t.includes(w));
};
const lower = (words: readonly string[] | undefined) => words?.map((w) => w.toLowerCase());
const coded = (problems: ReportRecord['problems'], prefixes: readonly string[] | undefined) => !!prefixes?.some((p) => problems.some((x) => x.status !== 'resolved' && x.code.startsWith(p)));
const nameOf = (r: ReportRecord) => `${r.lastName}, ${r.firstName}`;
const percent = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);

interface Checked {
	from?: string;
	to?: string;
	ageMin?: number;
	ageMax?: number;
}

function readFilters(f: ReportFilters, needFrom: boolean): Checked | string {
	const out: Checked = {};
	for (const key of ['from', 'to'] as const) {
		const d = parseDob(f[key]);
		if (d === null) return `the ${key === 'from' ? '"from"' : '"to"'} date is not a date: write it MM/DD/YYYY`;
		if (d) out[key] = d;
	}
	if (!out.to) return needFrom ? 'set the date range (from and to)' : 'set the "as of" date (the end of the measurement period)';
	if (needFrom && !out.from) return 'set the date range (from and to)';
	if (out.from && out.from > out.to) return 'the "from" date is after the "to" date';
	for (const key of ['ageMin', 'ageMax'] as const) {
		const t = f[key].trim();
		if (!t) continue;
		if (!/^\d{1,3}$/.test(t)) return `the ${key === 'ageMin' ? 'lowest' : 'highest'} age must be a whole number of years`;
		out[key] = Number(t);
	}
	if (out.ageMin !== undefined && out.ageMax !== undefined && out.ageMin > out.ageMax) return 'the lowest age is above the highest';
	return out;
}

/** The patient filters every report shares: sex, age on the as-of date, payer; provider where the report says whose. */
function keep(r: ReportRecord, f: ReportFilters, c: Checked, age: number): boolean {
	if (f.sex && r.sex !== f.sex) return false;
	if (f.payer && r.payer !== (f.payer === 'self-pay' ? '' : f.payer)) return false;
	if (c.ageMin !== undefined && age < c.ageMin) return false;
	if (c.ageMax !== undefined && age > c.ageMax) return false;
	return true;
}

export function runReport(records: readonly ReportRecord[], measures: readonly MeasureDef[], report: string, filters: ReportFilters): ReportOutcome {
	const [type, id] = report.split(':');
	if (type === 'no-show') {
		const c = readFilters(filters, true);
		return typeof c === 'string' ? { error: c } : { result: noShows(records, filters, c) };
	}
	const measure = measures.find((m) => m.id === id);
	if ((type !== 'measure' && type !== 'due') || !measure) return { error: 'choose a report' };
	const c = readFilters(filters, false);
	if (typeof c === 'string') return { error: c };
	const result = measureReport(records, measure, filters, c);
	return { result: type === 'due' ? { ...result, rows: result.rows.filter((r) => r.status === 'due') } : result };
}

function measureReport(records: readonly ReportRecord[], m: MeasureDef, f: ReportFilters, c: Checked): ReportResult {
	const asOf = c.to!;
	const since = monthsBefore(asOf, m.numerator.months);
	const rows: ReportRow[] = [];
	const findings: Finding[] = [];
	const lists = { denominator: [] as string[], excluded: [] as string[], numerator: [] as string[], due: [] as string[] };
	const d = m.denominator;
	const [resultWords, vaccineWords, medWords] = [lower(m.numerator.results), lower(m.numerator.immunizations), lower(m.hints?.medications)];
	for (const r of records) {
		const age = ageOn(r.dob, asOf);
		if (!keep(r, f, c, age) || (f.provider && r.pcp !== f.provider)) continue;
		const eligibleByAgeSex = (!d.sex || r.sex === d.sex) && (d.ageMin === undefined || age >= d.ageMin) && (d.ageMax === undefined || age <= d.ageMax);
		if (!eligibleByAgeSex) continue;
		if (d.problems && !coded(r.problems, d.problems)) {
			const med = r.medications.find((x) => x.status === 'active' && has(x.name, medWords));
			if (med) findings.push({ patient: r.id, kind: 'possible-missing-diagnosis', text: `${nameOf(r)}: on ${med.name} with no matching problem on the list, so not counted; ask the provider whether the problem list is missing a diagnosis` });
			continue;
		}
		lists.denominator.push(r.id);
		const base = { patient: r.id, name: nameOf(r), dob: r.dob, age, provider: r.pcp, payer: r.payer || 'self-pay' };
		if (!r.payer) findings.push({ patient: r.id, kind: 'no-coverage', text: `${nameOf(r)}: no coverage on file, so a payer filter leaves them out` });
		if (coded(r.problems, m.exclusions?.problems)) {
			const p = r.problems.find((x) => x.status !== 'resolved' && m.exclusions!.problems!.some((e) => x.code.startsWith(e)))!;
			lists.excluded.push(r.id);
			rows.push({ ...base, status: 'excluded', date: '', why: `excluded: ${p.code} on the problem list` });
			continue;
		}
		const done = [
			...r.results.filter((x) => has(x.test, resultWords)).map((x) => ({ name: x.test, date: x.date })),
			...r.immunizations.filter((x) => has(x.vaccine, vaccineWords)).map((x) => ({ name: x.vaccine, date: x.date }))
		].filter((x) => x.date <= asOf);
		// A duplicate needs two entries: most charts have one, so no set is made for them.
		const seen = new Set<string>();
		if (done.length > 1) for (const x of done) {
			const key = `${x.name.toLowerCase()}|${x.date}`;
			if (seen.has(key)) findings.push({ patient: r.id, kind: 'duplicate-entry', text: `${nameOf(r)}: ${x.name} on ${x.date} is entered twice; it counts once` });
			seen.add(key);
		}
		const last = done.map((x) => x.date).sort().at(-1) ?? '';
		if (last && last >= since) {
			lists.numerator.push(r.id);
			rows.push({ ...base, status: 'met', date: last, why: `done ${last}, within ${m.numerator.months} months of ${asOf}` });
		} else {
			lists.due.push(r.id);
			rows.push({ ...base, status: 'due', date: last, why: last ? `last done ${last}, before ${since}` : 'never done in this chart' });
		}
	}
	const eligible = lists.denominator.length - lists.excluded.length;
	return {
		rows,
		counts: { denominator: lists.denominator.length, excluded: lists.excluded.length, numerator: lists.numerator.length, due: lists.due.length, rate: percent(lists.numerator.length, eligible) },
		lists,
		findings
	};
}

function noShows(records: readonly ReportRecord[], f: ReportFilters, c: Checked): ReportResult {
	const rows: ReportRow[] = [];
	const findings: Finding[] = [];
	const lists = { visits: [] as string[], 'no-shows': [] as string[] };
	const inRange = (v: { date: string; provider: string }) => v.date >= c.from! && v.date <= c.to! && (!f.provider || v.provider === f.provider);
	for (const r of records) {
		const age = ageOn(r.dob, c.to!);
		if (!keep(r, f, c, age)) continue;
		const base = { patient: r.id, name: nameOf(r), dob: r.dob, age, payer: r.payer || 'self-pay' };
		for (const e of r.encounters.filter(inRange)) rows.push({ ...base, status: 'kept', date: e.date, provider: e.provider, why: 'seen' });
		for (const v of r.missed.filter(inRange)) {
			rows.push({ ...base, status: v.status, date: v.date, provider: v.provider, why: v.status === 'no-show' ? 'did not come and did not call' : 'cancelled ahead: not counted in the rate' });
			if (v.status === 'no-show' && r.encounters.some((e) => e.date === v.date && e.provider === v.provider))
				findings.push({ patient: r.id, kind: 'no-show-with-visit', text: `${nameOf(r)}: marked a no-show on ${v.date} but has a signed visit that day; one of the two entries is wrong` });
		}
	}
	rows.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
	const counted = rows.filter((r) => r.status !== 'cancelled');
	const missed = rows.filter((r) => r.status === 'no-show');
	lists.visits = [...new Set(counted.map((r) => r.patient))];
	lists['no-shows'] = [...new Set(missed.map((r) => r.patient))];
	return { rows, counts: { visits: counted.length, 'no-shows': missed.length, rate: percent(missed.length, counted.length) }, lists, findings };
}

/** The rows a report reads, from the roster and the charts (one chart per patient). */
export function reportRecords(
	patients: readonly { id: string; firstName: string; lastName: string; dob: string; sex: string; pcp: string; coverage: readonly { payer: string }[] }[],
	charts: readonly { patient: string; problems: ReportRecord['problems']; medications: ReportRecord['medications']; immunizations: ReportRecord['immunizations']; results: ReportRecord['results']; encounters: ReportRecord['encounters']; missed?: ReportRecord['missed'] }[]
): ReportRecord[] {
	const byPatient = new Map(charts.map((c) => [c.patient, c]));
	return patients.map((p) => {
		const c = byPatient.get(p.id);
		return {
			id: p.id,
			firstName: p.firstName,
			lastName: p.lastName,
			dob: p.dob,
			sex: p.sex,
			pcp: p.pcp,
			payer: p.coverage[0]?.payer ?? '',
			problems: c?.problems ?? [],
			medications: c?.medications ?? [],
			immunizations: c?.immunizations ?? [],
			results: c?.results ?? [],
			encounters: c?.encounters ?? [],
			missed: c?.missed ?? []
		};
	});
}
