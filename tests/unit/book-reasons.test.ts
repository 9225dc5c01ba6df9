/**
 * Every row of a shipped schedule book is a visit a real front desk could have booked: its reason
 * fits the patient (age, sex, the chart), and its appointment type fits the reason. Most rows are
 * filler around the problem the learner solves, and filler written without looking at the patient
 * teaches the wrong thing to a learner who reads it: a baby booked for an asthma follow-up, a
 * thyroid recheck for a patient with no thyroid problem, a Medicare wellness visit for a 40-year-old.
 *
 * What this checks is what can be checked honestly from the reason's words:
 * - a reason that names a condition from the explicit list below is for a patient whose chart
 *   problem list holds it (by ICD-10 code prefix). A new complaint in a sick slot ("Cough", "Rash")
 *   names no listed condition and is left alone.
 * - a child's reason names no adult chronic condition; a baby has no asthma follow-up; a reason tied
 *   to one sex is for a patient of that sex.
 * - the type fits: a Medicare wellness visit is for a patient 65 or older on Medicare (Original or
 *   Advantage); an Original Medicare patient is not booked a routine annual physical (Medicare covers
 *   the wellness visit instead, as scheduling-wave-physicals teaches); a well-child visit is for a
 *   child and an annual physical is not; a same-day sick slot is not a follow-up; a new-patient visit
 *   is for a patient with no visits yet, and an established follow-up for one with visits.
 * - a pediatrician's row is for a patient under 22 (pediatric practices see young adults, not adults).
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { ageOn } from '../../src/lib/office/bindings';
import { readContentFiles } from '../../scripts/read-content';
import { shippedBooks } from './shipped-books';

const files = readContentFiles();
delete files['content/codesets/icd10cm-2026.tsv'];
delete files['content/codesets/hcpcs-2025oct.tsv'];
const { content, errors } = loadContent(files);

interface Condition {
	name: string;
	/** Words in a reason that name the condition. */
	words: RegExp;
	/** ICD-10-CM code prefixes on the problem list that hold it. */
	codes: string[];
	/** An adult chronic condition: no child is booked for it. */
	adult?: boolean;
}

/** The conditions a reason may name, with the problems that hold them. Small and explicit on purpose. */
const CONDITIONS: Condition[] = [
	{ name: 'asthma', words: /\basthma|\bpeak flow/i, codes: ['J45'] },
	{ name: 'COPD', words: /\bCOPD\b|\bemphysema|chronic obstructive/i, codes: ['J44', 'J43'], adult: true },
	{ name: 'diabetes', words: /\bdiabet|\bglucose\b|\bA1c\b/i, codes: ['E08', 'E09', 'E10', 'E11', 'E13'], adult: true },
	{ name: 'prediabetes', words: /\bprediabet/i, codes: ['R73.0'], adult: true },
	{ name: 'thyroid', words: /\bthyroid|\bhypothyroid|\bhyperthyroid/i, codes: ['E00', 'E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'] },
	{ name: 'hypertension', words: /\bhypertension|\bblood pressure|\bBP\b/i, codes: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16', 'R03.0'], adult: true },
	{ name: 'cholesterol', words: /\bcholesterol|\blipid|\bhyperlipid/i, codes: ['E78'], adult: true },
	{ name: 'atrial fibrillation', words: /\batrial fibrillation|\ba-?fib\b/i, codes: ['I48'], adult: true },
	{ name: 'depression', words: /\bdepress|\bmood\b/i, codes: ['F32', 'F33', 'F34'] },
	{ name: 'anxiety', words: /\banxiety|\bpanic/i, codes: ['F41'] },
	{ name: 'migraine', words: /\bmigraine/i, codes: ['G43'] },
	{ name: 'anemia', words: /\ban(a)?emia/i, codes: ['D50', 'D51', 'D52', 'D53', 'D55', 'D56', 'D57', 'D58', 'D59', 'D60', 'D61', 'D62', 'D63', 'D64'] },
	{ name: 'ADHD', words: /\bADHD\b|\battention.deficit/i, codes: ['F90'] },
	{ name: 'osteoporosis', words: /\bosteoporosis/i, codes: ['M80', 'M81'], adult: true },
	{ name: 'menopause', words: /\bmenopaus/i, codes: ['N95'], adult: true },
	{ name: 'memory', words: /\bmemory|\bdementia/i, codes: ['F01', 'F02', 'F03', 'G30', 'G31'], adult: true },
	{ name: 'acne', words: /\bacne/i, codes: ['L70'] }
];

/** Reasons tied to one sex. */
const SEXED: { words: RegExp; sex: string }[] = [
	{ words: /\bmenopaus|\bpap\b|\bprenatal|\bpregnan|\bmammogra/i, sex: 'F' },
	{ words: /\bprostate|\bPSA\b/i, sex: 'M' }
];

const FOLLOW_UP = /\bfollow-?up|\brecheck|\breview\b/i;
const ESTABLISHED_TYPES = new Set(['established-follow-up', 'annual-physical', 'well-child', 'medicare-annual-wellness', 'nurse-visit', 'injection-series']);
const NEW_TYPES = new Set(['new-patient', 'annual-physical-new']);

const world = content!.world;
const today = world.clinic.today;
const patients = new Map(world.patients.map((p) => [p.id, p]));
const problems = new Map(content!.charts.map((c) => [c.patient, c.problems.map((p) => p.code)]));
const payerType = new Map(world.payers.map((p) => [p.id, p.type]));

const pediatricians = new Set(world.providers.filter((p) => /pediatric/i.test(p.specialty)).map((p) => p.id));

interface Row {
	where: string;
	id: string;
	patient: string;
	provider: string;
	type: string;
	reason: string;
}

const rows: Row[] = shippedBooks(content).flatMap(({ where, step, block }) =>
	block.appointments.map((a) => ({ where: `${where}/${step}`, id: a.id, patient: a.patient, provider: a.provider, type: a.type, reason: a.reason ?? '' }))
);

/** What is wrong with one row, as sentences; empty when it fits. */
function misfits(row: Row): string[] {
	const p = patients.get(row.patient);
	if (!p) return row.patient.includes('{{') ? [] : [`${row.patient} is no patient of the practice`];
	const age = ageOn(p.dob, today);
	const codes = problems.get(p.id) ?? [];
	const payers = p.coverage.map((c) => payerType.get(c.payer));
	const out: string[] = [];
	for (const c of CONDITIONS) {
		if (!c.words.test(row.reason)) continue;
		if (!codes.some((code) => c.codes.some((prefix) => code.startsWith(prefix)))) out.push(`names ${c.name}, which is not on the chart's problem list`);
		if (c.adult && age < 18) out.push(`names ${c.name}, an adult chronic condition, for a child of ${age}`);
		if (c.name === 'asthma' && age < 1) out.push('an asthma visit for a baby');
	}
	for (const s of SEXED) if (s.words.test(row.reason) && p.sex !== s.sex) out.push(`a reason for sex ${s.sex}, for a patient of sex ${p.sex}`);
	if (row.type === 'medicare-annual-wellness' && (age < 65 || !payers.some((t) => t === 'medicare' || t === 'medicare-advantage')))
		out.push(`a Medicare wellness visit for a patient of ${age} with ${payers.join('/') || 'no coverage'}`);
	if (/\bwellness\b/i.test(row.reason) && row.type !== 'medicare-annual-wellness') out.push(`a wellness visit booked as ${row.type}`);
	if ((row.type === 'annual-physical' || row.type === 'annual-physical-new') && payers[0] === 'medicare') out.push('a routine annual physical for an Original Medicare patient (Medicare covers the wellness visit)');
	if ((row.type === 'annual-physical' || row.type === 'annual-physical-new') && age < 18) out.push(`an adult annual physical for a child of ${age} (a well-child visit)`);
	if (row.type === 'well-child' && age >= 22) out.push(`a well-child visit for an adult of ${age}`);
	if (row.type === 'sick-same-day' && FOLLOW_UP.test(row.reason)) out.push('a follow-up booked in a same-day sick slot');
	if (pediatricians.has(row.provider) && age >= 22) out.push(`a pediatrician's visit for an adult of ${age}`);
	if (NEW_TYPES.has(row.type) && p.established) out.push('a new-patient visit for an established patient');
	if (ESTABLISHED_TYPES.has(row.type) && !p.established) out.push(`an established patient's ${row.type} for a new patient`);
	return out;
}

describe('a shipped book gives every row a reason that fits its patient', () => {
	it('the content loads, with rows to check (the rules are not vacuous)', () => {
		expect(errors).toEqual([]);
		expect(rows.length).toBeGreaterThanOrEqual(150);
		// Every listed condition is named by some row, so each matcher is exercised by the content.
		for (const c of CONDITIONS) expect(rows.some((r) => c.words.test(r.reason)), c.name).toBe(true);
	});

	it('the check catches the misfits it is for', () => {
		const row = (patient: string, type: string, reason: string, provider = 'prov-okafor'): Row => ({ where: 'probe', id: 'x', patient, provider, type, reason });
		expect(misfits(row('pt-liam-oconnor', 'established-follow-up', 'Asthma follow-up'))).toContain('an asthma visit for a baby');
		expect(misfits(row('pt-evelyn-castillo', 'established-follow-up', 'Thyroid recheck'))).toEqual(['names thyroid, which is not on the chart\'s problem list']);
		expect(misfits(row('pt-noah-kim', 'established-follow-up', 'Blood pressure follow-up')).join()).toMatch(/adult chronic condition/);
		expect(misfits(row('pt-robert-hayes', 'established-follow-up', 'Diabetes follow-up'))).toHaveLength(1); // prediabetes is not diabetes
		expect(misfits(row('pt-robert-hayes', 'established-follow-up', 'Prediabetes follow-up'))).toEqual([]);
		expect(misfits(row('pt-samuel-adeyemi', 'medicare-annual-wellness', 'Annual wellness visit'))).toHaveLength(1);
		expect(misfits(row('pt-betty-harmon', 'annual-physical', 'Annual physical'))).toHaveLength(1);
		expect(misfits(row('pt-harold-jensen', 'medicare-annual-wellness', 'Annual wellness visit'))).toEqual([]);
		expect(misfits(row('pt-walter-nguyen', 'sick-same-day', 'Dizziness follow-up'))).toHaveLength(1);
		expect(misfits(row('pt-hector-alvarez', 'new-patient', 'Establish care'))).toHaveLength(1);
		expect(misfits(row('pt-dmitri-volkov', 'established-follow-up', 'Blood pressure follow-up'))).toHaveLength(2);
		expect(misfits(row('pt-marcus-webb', 'established-follow-up', 'Menopause symptoms follow-up'))).toHaveLength(2);
		expect(misfits(row('pt-tyler-brooks', 'sick-same-day', 'Cough'))).toEqual([]);
		expect(misfits(row('pt-tyler-brooks', 'sick-same-day', 'Cough', 'prov-raman'))).toHaveLength(1);
		expect(misfits(row('pt-olivia-bennett', 'sick-same-day', 'Sore throat', 'prov-raman'))).toEqual([]);
	});

	it.each([...new Set(rows.map((r) => r.where))])('%s', (where) => {
		const found = rows.filter((r) => r.where === where).flatMap((r) => misfits(r).map((m) => `${r.id} (${r.patient}, ${r.type}, "${r.reason}"): ${m}`));
		expect(found).toEqual([]);
	});
});
