import { own, type Grader } from './grader';
import type { FiledDocument, RuleResult } from '../types';
import type { ResolvedIndexBlock } from '../../content/schema/indexing';
import { parseDob } from '../../ehr/dates';
import { gradedFromRules } from './code';

/** Each page is worth the same: three fields filed, or one judgement that it is not ours to file. */
const PER_DOCUMENT = 3;

// The chart's type ids read as words ("consult-letter" → "consult letter"); the labels map stays with the form's chunk.
const typeLabel = (t: string) => t.replace(/-/g, ' ');
const listOf = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const TYPES = new Set<string>(['lab-report', 'imaging-report', 'consult-letter', 'discharge-summary', 'consent', 'insurance-card', 'photo-id', 'referral', 'advance-directive', 'records-request', 'correspondence', 'other']);
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

function patientLabel(block: ResolvedIndexBlock, id: string): string {
	const p = block.context.patients.find((x) => x.id === id);
	return p ? `${p.firstName} ${p.lastName} (DOB ${usDate(p.dob)})` : id;
}

export const index: Grader<'index'> = {
	choices: (block) => block.documents.map((d) => d.id),
	check(block, input) {
		if (input.kind !== 'index') return `expected filed documents, got ${input.kind}`;
		if (typeof input.filed !== 'object' || input.filed === null) return 'file or set aside every document';
		const patients = new Set(block.context.patients.map((p) => p.id));
		for (const d of block.documents) {
			const f = own(input.filed, d.id);
			if (f === undefined) return `file or set aside "${d.title}"`;
			if (f.misdirected) continue;
			if (!patients.has(f.patient)) return `"${d.title}": choose the patient from the search`;
			if (!TYPES.has(f.type)) return `"${d.title}": choose a document type`;
			if (!parseDob(f.date)) return `"${d.title}": enter the date of service as MM/DD/YYYY`;
		}
		if (Object.keys(input.filed).some((k) => !block.documents.some((d) => d.id === k))) return 'a filing names an unknown document';
	},
	grade(block, input) {
		const filed: Record<string, FiledDocument> = input.kind === 'index' ? input.filed : {};
		const rules: RuleResult[] = block.documents.flatMap((d): RuleResult[] => {
			const f = own(filed, d.id);
			const page = `“${d.title}” (${d.from})`;
			if (d.misdirected) {
				const ok = !!f?.misdirected;
				return [
					{
						rule: `${d.id}-misdirected`,
						ok,
						earned: ok ? PER_DOCUMENT : 0,
						possible: PER_DOCUMENT,
						competency: block.scoring.misdirected,
						message: `${page}: ${ok ? 'set aside as misdirected' : `not ours to file, yet filed to ${patientLabel(block, f?.patient ?? '')}`}. ${d.teach}`,
						...(ok ? {} : { critical: d.critical ?? `Filed a fax meant for another practice (${d.title}) into a patient's chart instead of reporting it.` })
					}
				];
			}
			const setAside = !f || f.misdirected;
			const patientOk = !setAside && f.patient === d.patient;
			const types: string[] = listOf(d.type);
			const dates = listOf(d.date);
			const date = setAside ? undefined : parseDob(f.date);
			const typeOk = !setAside && types.includes(f.type);
			const dateOk = !!date && dates.includes(date);
			const who = patientLabel(block, d.patient!);
			return [
				{
					rule: `${d.id}-patient`,
					ok: patientOk,
					earned: patientOk ? 1 : 0,
					possible: 1,
					competency: block.scoring.filing,
					message: patientOk
						? `${page}: filed to ${who}. ${d.teach}`
						: setAside
							? `${page}: this page is ours, for ${who}; setting it aside leaves it out of the chart. ${d.teach}`
							: `${page}: belongs to ${who}, not ${patientLabel(block, f.patient)}. ${d.teach}`,
					...(patientOk || setAside ? {} : { critical: d.critical ?? `Filed “${d.title}” to the wrong patient's chart: another patient's results in a chart mix two people's records.` })
				},
				{
					rule: `${d.id}-type`,
					ok: typeOk,
					earned: typeOk ? 1 : 0,
					possible: 1,
					competency: block.scoring.filing,
					message: `${page}: type ${types.map(typeLabel).join(' or ')}${typeOk || setAside ? '' : `, not ${typeLabel(f.type)}`}.`
				},
				{
					rule: `${d.id}-date`,
					ok: dateOk,
					earned: dateOk ? 1 : 0,
					possible: 1,
					competency: block.scoring.filing,
					message: `${page}: date of service ${dates.map(usDate).join(' or ')}${dateOk || setAside ? '' : `, not ${date ? usDate(date) : (f?.date ?? '')}`}: the day of the service the page is about, not the day it was faxed or scanned.`
				}
			];
		});
		return gradedFromRules(rules, block.next, 'index');
	}
};
