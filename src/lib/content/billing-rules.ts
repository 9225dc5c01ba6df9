import type { ContentError } from './errors';
import type { Interaction, Scenario } from './schema/scenario';
import type { KnownIds } from './rules';
import type { ClinicWorld } from './world';
import { CODE_YEAR_WINDOW, lookupCode, type CodeIndex } from '../office/codesets';
import { visitCode } from '../office/coding';
import { unbalancedLine } from '../office/remittance';

type BillingInteraction = Extract<Interaction, { kind: 'code' | 'claim' | 'remittance' }>;

/** Structure of billing steps: codes on the fee schedule, known modifiers, pointers that point somewhere, EOB lines that balance. */
export function checkBilling(it: BillingInteraction, stepId: string, known: KnownIds, file: string): ContentError[] {
	const errors: ContentError[] = [];
	const err = (message: string) => errors.push({ file, line: it.line, message: `step "${stepId}": ${message}` });
	const proc = (code: string) => {
		if (known.fees && !known.fees.has(code)) err(`${code} is not on the fee schedule (content/office/fee-schedule.yaml)`);
	};
	const mods = (list: string[]) => {
		for (const m of list) if (known.modifiers && !known.modifiers.has(m)) err(`modifier ${m} is not in content/codesets/modifiers.yaml`);
	};
	const lines = (dx: string[], ls: { code: string; modifiers: string[]; diagnoses: string[] }[]) => {
		if (new Set(dx).size !== dx.length) err('a diagnosis is listed twice');
		for (const l of ls) {
			proc(l.code);
			mods(l.modifiers);
			for (const d of l.diagnoses) if (!dx.includes(d)) err(`${l.code} points to ${d}, which is not among the diagnoses`);
		}
		for (const d of dx) if (!ls.some((l) => l.diagnoses.includes(d))) err(`diagnosis ${d} is not linked to any service line`);
	};
	if (it.kind === 'code') {
		const b = it.block;
		const dx = b.diagnoses.map((d) => d.code);
		lines(dx, b.procedures);
		for (const w of b.wrong) {
			if (dx.includes(w.code) || b.procedures.some((p) => p.code === w.code)) err(`wrong code ${w.code} is also in the answer key`);
			if ((w.kind === 'wrong-level' || w.kind === 'wrong-patient-status') && !visitCode(w.code)) err(`${w.code} is marked ${w.kind} but is not an office or preventive visit code`);
			if (/^\d{5}$/.test(w.code) && w.kind !== 'deleted') proc(w.code);
		}
		for (const p of b.procedures) {
			const v = visitCode(p.code);
			if (!v) continue;
			for (const w of b.wrong.filter((w) => w.kind === 'wrong-patient-status' && visitCode(w.code)))
				if (visitCode(w.code)!.patient === v.patient && visitCode(w.code)!.family === v.family) err(`${w.code} is marked wrong-patient-status but is for ${v.patient} patients, like ${p.code}`);
		}
	}
	if (it.kind === 'claim') {
		lines(it.block.superbill.diagnoses, it.block.superbill.lines);
		if (known.patients.size && it.block.patient === undefined) err('a claim needs a patient (in the step or the front matter)');
	}
	if (it.kind === 'remittance') {
		if (known.payers && !known.payers.has(it.block.payer)) err(`unknown payer "${it.block.payer}"`);
		for (const l of it.block.lines) {
			proc(l.code);
			mods(l.modifiers);
			const bad = unbalancedLine(l);
			if (bad) err(`the remittance does not balance: ${bad}`);
		}
	}
	return errors;
}

/**
 * Every code the content presents as right is valid and billable in the shipped code sets; every
 * code marked wrong on purpose is what it claims to be. Needs the code-set files, so it runs where
 * they are read (the content check, the build and the unit tests).
 */
export function checkCodeSets(scenarios: Scenario[], world: ClinicWorld, icd: CodeIndex, hcpcs: CodeIndex): ContentError[] {
	const errors: ContentError[] = [];
	const fee = new Set(world.fees.map((f) => f.code));
	for (const f of world.fees)
		if (/^[A-Z]/.test(f.code) && !lookupCode(hcpcs, f.code)) errors.push({ file: 'content/office/fee-schedule.yaml', line: 1, message: `${f.code} is not in the HCPCS Level II file` });
	for (const m of world.modifiers)
		if (m.set === 'hcpcs' && !lookupCode(hcpcs, m.code)?.modifier) errors.push({ file: 'content/codesets/modifiers.yaml', line: 1, message: `${m.code} is not a HCPCS Level II modifier` });
	// A code is right only for the dates of service its code year covers: the clinic's calendar moves
	// when a new code year lands.
	const { from, to } = CODE_YEAR_WINDOW;
	const outside = (d: string) => d < from || d > to;
	const window = `${from} to ${to}, the dates of service the shipped ICD-10-CM and HCPCS files cover`;
	if (outside(world.clinic.today)) errors.push({ file: 'content/office/clinic.yaml', line: 1, message: `today (${world.clinic.today}) is outside ${window}` });
	for (const s of scenarios)
		for (const id of s.stepOrder) {
			const it = s.steps[id]!.interaction;
			const dates =
				it?.kind === 'code' || it?.kind === 'claim' ? [it.block.context.date] : it?.kind === 'remittance' ? it.block.lines.flatMap((l) => (l.date ? [l.date] : [])) : [];
			for (const d of dates.filter(outside)) errors.push({ file: s.file, line: it!.line, message: `step "${id}": the date of service ${d} is outside ${window}` });
		}
	for (const s of scenarios) {
		// Codes named in the prose (notes, feedback, debrief) must exist too: a typo there teaches a wrong code.
		const prose = [s.debrief, ...s.stepOrder.map((id) => JSON.stringify(s.steps[id]))].join('\n');
		const known = new Set<string>();
		for (const id of s.stepOrder) {
			const it = s.steps[id]!.interaction;
			if (it && (it.kind === 'code' || it.kind === 'claim')) for (const w of it.block.wrong) known.add(w.code);
		}
		for (const m of new Set(prose.match(/\b[A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b/g) ?? []))
			if (!lookupCode(icd, m) && !known.has(m)) errors.push({ file: s.file, line: 1, message: `the text names ${m}, which is not in ICD-10-CM FY2026` });
		for (const m of new Set(prose.match(/\b[A-CEGHJ-MP-V][0-9]{4}\b/g) ?? []))
			if (!lookupCode(hcpcs, m) && !known.has(m)) errors.push({ file: s.file, line: 1, message: `the text names ${m}, which is not in the HCPCS Level II file` });
		for (const id of s.stepOrder) {
			const it = s.steps[id]!.interaction;
			if (!it || (it.kind !== 'code' && it.kind !== 'claim' && it.kind !== 'remittance')) continue;
			const err = (message: string) => errors.push({ file: s.file, line: it.line, message: `step "${id}": ${message}` });
			const billableDx = (code: string, what: string) => {
				const e = lookupCode(icd, code);
				if (!e) err(`${what} ${code} is not in ICD-10-CM FY2026`);
				else if (!e.billable) err(`${what} ${code} is a header in ICD-10-CM, not a billable code`);
			};
			const validProc = (code: string, what: string) => {
				if (/^[A-Z]/.test(code) && !lookupCode(hcpcs, code)) err(`${what} ${code} is not in the HCPCS Level II file`);
				if (/^\d/.test(code) && !fee.has(code)) err(`${what} ${code} is not on the curated CPT list (fee schedule)`);
			};
			if (it.kind === 'code') {
				for (const d of it.block.diagnoses) billableDx(d.code, 'answer-key diagnosis');
				for (const p of it.block.procedures) validProc(p.code, 'answer-key service');
			}
			if (it.kind === 'claim') {
				for (const d of it.block.superbill.diagnoses) billableDx(d, 'superbill diagnosis');
				for (const l of it.block.superbill.lines) validProc(l.code, 'superbill service');
			}
			// Wrong codes on purpose (distractors, a denied claim to fix) must be what the content says they are.
			const wrongs = it.kind === 'code' || it.kind === 'claim' ? it.block.wrong : [];
			for (const w of wrongs) {
				const isDx = /^[A-Z]\d[0-9A-Z]/.test(w.code) && !/^[A-Z]\d{4}$/.test(w.code);
				const e = isDx ? lookupCode(icd, w.code) : /^[A-Z]/.test(w.code) ? lookupCode(hcpcs, w.code) : fee.has(w.code) ? { billable: true, description: '' } : undefined;
				const claim = `wrong code ${w.code} is marked "${w.kind}"`;
				if (w.kind === 'deleted') {
					if (e) err(`${claim} but it is in the current code set`);
					continue;
				}
				if (!e) err(`${claim} but it is in no shipped code set or the fee schedule`);
				else if (w.kind === 'header' && e.billable) err(`${claim} but it is billable`);
				else if (w.kind !== 'header' && !e.billable) err(`${claim} but it is a header; mark it "header"`);
				else if (w.kind === 'unspecified' && !/unspecified/i.test(e.description)) err(`${claim} but its description does not say "unspecified"`);
			}
			if (it.kind === 'claim') {
				const marked = new Set(it.block.wrong.map((w) => w.code));
				for (const [path, value] of Object.entries(it.block.given)) {
					if (/^21\.[A-L]$/.test(path) && value && !marked.has(value)) billableDx(value, `given item ${path}`);
					if (/^24\.\d\.D$/.test(path) && value && !marked.has(value)) validProc(value, `given item ${path}`);
				}
			}
			if (it.kind === 'remittance') for (const l of it.block.lines) validProc(l.code, 'remittance service');
		}
	}
	return errors;
}
