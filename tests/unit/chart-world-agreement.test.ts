/**
 * The clinic record (patients.yaml), the EHR charts (charts.yaml) and the scenarios tell one story, so
 * the facts they share must agree for every patient, not only the ones someone happened to check:
 * - a patient's last visit is the date of the latest encounter in the chart (an established patient
 *   has at least one; a new patient has neither). Missed visits are not encounters: a no-show or a
 *   cancellation does not move the last visit. A scenario set earlier gives the last visit as it was
 *   then: an earlier encounter's date.
 * - a chart's advance directive entry and its advance-directive documents agree: an entry that says a
 *   directive is on file names the date of a document the chart holds, and a chart whose entry is
 *   missing or says none holds no such document.
 * - a directive a scenario files (tagged advance-directive, "signed it on MM/DD/YYYY"; or a page of
 *   type advance-directive in an index step) is in that patient's chart, dated the day it was signed,
 *   naming the representative the scenario names: the chart holds the end of every story.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR, loadContent } from '../../src/lib/content';
import { readContentFiles } from '../../scripts/read-content';

const files = readContentFiles();
const { content, errors } = loadContent(files);
const { world, charts, scenarios } = content!;
const chartOf = (id: string) => charts.find((c) => c.patient === id)!;
const latest = (dates: string[]) => [...dates].sort().at(-1);
const usToIso = (us: string) => {
	const [m, d, y] = us.split('/');
	return `${y}-${m}-${d}`;
};

describe('the clinic record and the charts agree', () => {
	it('the content loads', () => expect(errors).toEqual([]));

	it("every patient's last visit is the date of the latest encounter in the chart", () => {
		const disagree = world.patients
			.map((p) => ({ patient: p.id, lastVisit: p.lastVisit, latestEncounter: latest(chartOf(p.id).encounters.map((e) => e.date)) }))
			.filter((r) => r.lastVisit !== r.latestEncounter);
		expect(disagree).toEqual([]);
	});

	it("a scenario set before the record's last visit gives its own, the date of an earlier encounter in the chart", () => {
		const own = scenarios.filter((s) => s.meta.chart?.lastVisit !== undefined && s.meta.patient);
		// Sandra Whitfield checks in on 3 Nov, her record's last visit: that morning her chart still shows June.
		expect(own.map((s) => s.meta.id)).toContain('registration-coverage-ended-check-in');
		const wrong = own
			.map((s) => ({ scenario: s.meta.id, lastVisit: s.meta.chart!.lastVisit!, record: world.patients.find((p) => p.id === s.meta.patient)!.lastVisit, encounters: chartOf(s.meta.patient!).encounters.map((e) => e.date) }))
			.filter((r) => !r.encounters.includes(r.lastVisit) || !(r.record && r.lastVisit < r.record));
		expect(wrong).toEqual([]);
	});

	it('an established patient has been seen; a new patient has no last visit and no encounters', () => {
		const disagree = world.patients
			.filter((p) => p.established !== chartOf(p.id).encounters.length > 0)
			.map((p) => ({ patient: p.id, established: p.established, encounters: chartOf(p.id).encounters.length }));
		expect(disagree).toEqual([]);
	});

	it("every advance directive entry that says one is on file names the date of a directive in the chart, and the reverse", () => {
		const problems: string[] = [];
		for (const c of charts) {
			const docs = c.documents.filter((d) => d.type === 'advance-directive').map((d) => d.date);
			const entry = c.advanceDirective;
			const onFile = entry !== undefined && /\bon file\b/i.test(entry) && !/^none\b/i.test(entry);
			if (!onFile) {
				if (docs.length) problems.push(`${c.patient}: holds directive documents (${docs.join(', ')}) but the entry reads "${entry ?? 'none on file'}"`);
				continue;
			}
			const named = [...entry.matchAll(/\((\d{4}-\d{2}-\d{2})\)/g)].map((m) => m[1]!);
			if (!named.length) problems.push(`${c.patient}: the entry says a directive is on file but names no date: "${entry}"`);
			for (const date of named) if (!docs.includes(date)) problems.push(`${c.patient}: the entry names ${date}, but the chart has no directive document of that date`);
			if (!docs.length) problems.push(`${c.patient}: the entry says a directive is on file, but the chart holds none`);
		}
		expect(problems).toEqual([]);
	});
});

describe('a directive a scenario files is in the chart', () => {
	const filing = scenarios.map((s) => s.meta).filter((m) => m.tags.includes('advance-directive') && m.patient && !m.patient.includes('{{'));
	const sourceOf = (id: string) => files[`${SCENARIO_DIR}${id}.md`] ?? '';

	it('there is such a scenario to check (the rule is not vacuous)', () => {
		expect(filing.map((s) => s.id)).toContain('registration-advance-directive-at-check-in');
	});

	it.each(filing.map((s) => [s.id, s.patient!] as const))('%s: the directive it files is in the chart, dated the day it was signed', (id, patient) => {
		const text = sourceOf(id).replace(/\s+/g, ' ');
		const signed = [...text.matchAll(/signed it on (\d{2}\/\d{2}\/\d{4})/g)].map((m) => usToIso(m[1]!));
		const chart = chartOf(patient);
		const directives = chart.documents.filter((d) => d.type === 'advance-directive');
		for (const date of signed) expect(directives.map((d) => d.date), `${patient}: a directive signed ${date}`).toContain(date);
		const representative = /appoints ([A-Z][a-z]+ [A-Z][a-z]+) as\s+her health care representative/.exec(text)?.[1];
		if (representative) expect(chart.advanceDirective ?? '').toContain(representative);
	});

	it('every advance directive page an index step files is in that patient\'s chart, dated as the key dates it', () => {
		const missing: string[] = [];
		let checked = 0;
		for (const s of scenarios)
			for (const step of Object.values(s.steps)) {
				if (step.interaction?.kind !== 'index') continue;
				for (const d of step.interaction.block.documents) {
					const types = d.type === undefined ? [] : [d.type].flat();
					if (!d.patient || !types.includes('advance-directive')) continue;
					const dates = d.date === undefined ? [] : [d.date].flat();
					const held = chartOf(d.patient).documents.filter((x) => x.type === 'advance-directive').map((x) => x.date);
					checked++;
					if (!dates.some((date) => held.includes(date))) missing.push(`${s.meta.id} ${d.id}: ${d.patient} has no directive dated ${dates.join(' or ')}`);
				}
			}
		expect(checked).toBeGreaterThan(0);
		expect(missing).toEqual([]);
	});
});
