import type { ResolvedCodeBlock, ServiceLine } from '../../content/schema/billing';
import type { CodedLine, Input, RuleResult } from '../types';
import type { Grader } from './grader';
import { verdictOf } from './grader';
import { DX_LETTERS, visitCode } from '../../office/coding';

const DX = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const PROC = /^([0-9]{5}|[A-Z][0-9]{4})$/;
const bare = (code: string) => code.replace('.', '');

/** Checks a superbill's shape: the grader then judges its content. Messages name the line. */
export function checkCodedVisit(diagnoses: unknown, lines: unknown): string | undefined {
	if (!Array.isArray(diagnoses) || !Array.isArray(lines)) return 'the superbill needs its diagnoses and service lines';
	if (diagnoses.length === 0) return 'add at least one diagnosis';
	if (diagnoses.length > 12) return 'a claim holds at most 12 diagnoses (A–L)';
	for (const d of diagnoses) if (typeof d !== 'string' || !DX.test(d)) return `"${String(d)}" is not an ICD-10-CM code`;
	if (new Set(diagnoses).size !== diagnoses.length) return 'a diagnosis is listed twice';
	if (lines.length === 0) return 'add at least one service line';
	if (lines.length > 6) return 'a CMS-1500 holds at most 6 service lines';
	for (const [n, l] of (lines as CodedLine[]).entries()) {
		const at = `line ${n + 1}`;
		if (typeof l !== 'object' || l === null) return `${at} is empty`;
		if (typeof l.code !== 'string' || !PROC.test(l.code)) return `${at}: "${String(l.code)}" is not a CPT or HCPCS code`;
		if (!Array.isArray(l.modifiers) || l.modifiers.length > 4 || l.modifiers.some((m) => typeof m !== 'string' || !/^[0-9A-Z]{2}$/.test(m)))
			return `${at}: up to four two-character modifiers`;
		if (!Number.isInteger(l.units) || l.units < 1 || l.units > 99) return `${at}: units must be a whole number from 1 to 99`;
		if (typeof l.pointers !== 'string' || !/^[A-L]{1,4}$/.test(l.pointers)) return `${at}: point to one to four diagnoses by letter (A–L)`;
		if (new Set(l.pointers).size !== l.pointers.length) return `${at}: a diagnosis letter is repeated in the pointer`;
		for (const letter of l.pointers)
			if (DX_LETTERS.indexOf(letter) >= diagnoses.length) return `${at} points to ${letter}, but there is no diagnosis ${letter}`;
	}
}

interface Found {
	rules: RuleResult[];
	feedback: string[];
}

const rule = (competency: string, name: string, ok: boolean, message: string, earned = ok ? 1 : 0, possible = 1): RuleResult => ({
	rule: name,
	ok,
	earned,
	possible,
	competency,
	message
});

/**
 * Which documented diagnosis each of the learner's codes stands for: itself, or the near miss in the
 * same category coded in its place (E11.8 for E11.9). The miss is marked once, on the diagnosis; a
 * service line that points to it points where the learner's own list says it should.
 */
function standIns(block: ResolvedCodeBlock, given: string[]): Map<string, string> {
	const key = block.diagnoses.map((d) => d.code);
	const stands = new Map<string, string>();
	for (const d of block.diagnoses) {
		if (given.includes(d.code)) {
			stands.set(d.code, d.code);
			continue;
		}
		const near = given.find((g) => !key.includes(g) && !stands.has(g) && g.slice(0, 3) === d.code.slice(0, 3));
		if (near) stands.set(near, d.code);
	}
	return stands;
}

/** Grades the diagnoses: every documented one present, the primary first, nothing extra. */
function gradeDiagnoses(block: ResolvedCodeBlock, given: string[], out: Found) {
	const c = block.scoring.diagnoses;
	const key = block.diagnoses.map((d) => d.code);
	const wrongTeach = (code: string) => block.wrong.find((w) => w.code === code);
	const stands = standIns(block, given);
	const explained = new Set<string>();
	for (const d of block.diagnoses) {
		if (given.includes(d.code)) {
			out.rules.push(rule(c, 'dx-present', true, `${d.code} is coded.`));
			continue;
		}
		// A near miss in the same category gets its reason named, so the learner sees what to change.
		const near = [...stands].find(([g, k]) => k === d.code && g !== k)?.[0];
		let reason: string;
		if (near) {
			explained.add(near);
			const w = wrongTeach(near);
			if (w) reason = `${near} instead of ${d.code}: ${w.teach}`;
			else if (bare(d.code).startsWith(bare(near)))
				reason = `${near} is a category header, not a billable code: a claim with it is rejected. Code to the last character the note supports: ${d.code}.`;
			else reason = `${near} is in the right category, but the note documents ${d.code}. Code what is documented, as specifically as it is documented.`;
		} else reason = `${d.code} is missing.`;
		out.rules.push(rule(c, 'dx-present', false, `${reason}${d.why ? ` ${d.why}` : ''}`));
	}
	const primary = block.diagnoses[0]!;
	if (given[0] === primary.code) out.rules.push(rule(c, 'dx-primary', true, `${primary.code} is listed first, as the main reason for the visit.`));
	else
		out.rules.push(
			rule(c, 'dx-primary', false, `List ${primary.code} first (A): the first diagnosis is the main reason for the visit${given[0] ? `, not ${given[0]}` : ''}.`)
		);
	for (const g of given.filter((g) => !key.includes(g) && !explained.has(g))) {
		const w = wrongTeach(g);
		out.rules.push(rule(c, 'dx-extra', false, `${g} should not be on this claim: ${w ? w.teach : 'the note does not document it as a reason for this visit.'}`, 0, 0));
	}
}

/** Pairs each expected line with the learner's line for the same code, then the same kind of visit. */
function matchLines(key: ServiceLine[], given: CodedLine[]): (number | undefined)[] {
	const used = new Set<number>();
	const match: (number | undefined)[] = key.map((k) => {
		const i = given.findIndex((g, n) => !used.has(n) && g.code === k.code);
		if (i >= 0) used.add(i);
		return i >= 0 ? i : undefined;
	});
	key.forEach((k, n) => {
		if (match[n] !== undefined) return;
		const kv = visitCode(k.code);
		if (!kv) return;
		const i = given.findIndex((g, m) => !used.has(m) && visitCode(g.code)?.family === kv.family);
		if (i >= 0) {
			used.add(i);
			match[n] = i;
		}
	});
	return match;
}

function sameSet(a: string[], b: string[]) {
	return a.length === b.length && a.every((x) => b.includes(x));
}

function gradeLines(block: ResolvedCodeBlock, input: { diagnoses: string[]; lines: CodedLine[] }, out: Found) {
	const { procedures: pc, linking: lc } = block.scoring;
	const match = matchLines(block.procedures, input.lines);
	const stands = standIns(block, input.diagnoses);
	const feeOf = (code: string) => block.context.fees.find((f) => f.code === code);
	const label = (code: string) => `${code} (${feeOf(code)?.description ?? 'not on the fee schedule'})`;
	const wrongTeach = (code: string) => block.wrong.find((w) => w.code === code)?.teach;
	block.procedures.forEach((k, n) => {
		const i = match[n];
		const g = i === undefined ? undefined : input.lines[i]!;
		const why = k.why ? ` ${k.why}` : '';
		if (!g) {
			out.rules.push(rule(pc, 'line-code', false, `Missing: ${label(k.code)}${k.modifiers.length ? ` with modifier ${k.modifiers.join(', ')}` : ''}.${why}`, 0, 3));
			out.rules.push(rule(lc, 'line-pointer', false, `No line for ${k.code}, so nothing links it to ${k.diagnoses.join(', ')}.`));
			return;
		}
		if (g.code === k.code) out.rules.push(rule(pc, 'line-code', true, `${label(k.code)} is right.`));
		else {
			const kv = visitCode(k.code)!;
			const gv = visitCode(g.code)!;
			const taught = wrongTeach(g.code);
			const reason =
				taught ??
				(kv.patient !== gv.patient
					? `${g.code} is for ${gv.patient} patients, but this patient is ${kv.patient} to the practice: the visit is ${k.code}.`
					: `${g.code} is the wrong level: the documentation supports ${k.code}.`);
			out.rules.push(rule(pc, 'line-code', false, `${reason}${why}`));
		}
		if (sameSet(g.modifiers, k.modifiers)) {
			if (k.modifiers.length) out.rules.push(rule(pc, 'line-modifiers', true, `Modifier ${k.modifiers.join(', ')} on ${k.code} is right.`));
			else out.rules.push(rule(pc, 'line-modifiers', true, `${k.code} needs no modifier.`));
		} else {
			const missing = k.modifiers.filter((m) => !g.modifiers.includes(m));
			const extra = g.modifiers.filter((m) => !k.modifiers.includes(m));
			const meaning = (m: string) => block.context.modifiers.find((x) => x.code === m)?.meaning ?? 'see the modifier list';
			const parts = [
				...missing.map((m) =>
					m === '25'
						? `${k.code} needs modifier 25: an office visit billed on the same day as a procedure or a preventive visit is only paid when the modifier shows it was significant and separately identifiable.`
						: `${k.code} needs modifier ${m} (${meaning(m)}).`
				),
				...extra.map((m) => `Modifier ${m} (${meaning(m)}) does not belong on ${k.code}.`)
			];
			out.rules.push(rule(pc, 'line-modifiers', false, parts.join(' ')));
		}
		const units = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;
		// The checklist names what was entered: a line billed as another code is not a right line, even
		// when its count is; the count keeps its point (the code check already took the code's).
		if (g.code !== k.code)
			out.rules.push({
				...rule(pc, 'line-units', g.units === k.units, ''),
				ok: false,
				message: `${units(g.units)} of ${g.code} entered, but the note documents ${k.code}${g.units === k.units ? ` (the count, ${units(k.units)}, is right)` : `, ${units(k.units)}`}.`
			});
		else if (g.units === k.units) out.rules.push(rule(pc, 'line-units', true, `${units(k.units)} of ${k.code}.`));
		else out.rules.push(rule(pc, 'line-units', false, `${k.code}: ${units(k.units)} documented, not ${g.units}.`));

		// Pointers are judged against the learner's own list: a pointer to the near miss coded in place
		// of the documented diagnosis is the right pointer (the miss is marked once, on the diagnosis).
		const coded = g.pointers.split('').map((l) => input.diagnoses[DX_LETTERS.indexOf(l)]!);
		const pointed = coded.map((d) => stands.get(d) ?? d);
		const okPointers = pointed[0] === k.diagnoses[0] && pointed.every((d) => k.diagnoses.includes(d));
		const first = coded[0] === k.diagnoses[0] ? k.diagnoses[0] : `${coded[0]} (coded for ${k.diagnoses[0]})`;
		if (okPointers) out.rules.push(rule(lc, 'line-pointer', true, `${g.code} points first to ${first}, the reason for that service.`));
		else {
			const stray = coded.find((d) => !k.diagnoses.includes(stands.get(d) ?? d));
			out.rules.push(
				rule(
					lc,
					'line-pointer',
					false,
					stray && pointed[0] === k.diagnoses[0]
						? `${k.code} also points to ${stray}, which this service did not treat.`
						: `${k.code} should point first to ${k.diagnoses[0]} (the reason for this service)${coded[0] ? `, not ${coded[0]}` : ''}. A pointer to the wrong diagnosis is a common reason for a medical-necessity denial.`
				)
			);
		}
	});
	const matched = new Set(match.filter((i): i is number => i !== undefined));
	input.lines.forEach((g, i) => {
		if (matched.has(i)) return;
		const taught = wrongTeach(g.code);
		out.rules.push(
			rule(pc, 'line-extra', false, `${label(g.code)} should not be billed: ${taught ?? 'the note does not document this service.'}`, 0, 0)
		);
	});
}

export function gradeCodedVisit(block: ResolvedCodeBlock, input: { diagnoses: string[]; lines: CodedLine[] }): RuleResult[] {
	const out: Found = { rules: [], feedback: [] };
	gradeDiagnoses(block, input.diagnoses, out);
	gradeLines(block, input, out);
	return out.rules;
}

/**
 * Sums rules into evidence per competency. A rule worth 0 of 0 is a mistake on top (an extra code or
 * line): each takes one point off its competency, never below zero.
 */
export function evidenceFromRules(rules: RuleResult[]) {
	const by = new Map<string, { earned: number; possible: number }>();
	for (const r of rules) {
		const e = by.get(r.competency) ?? { earned: 0, possible: 0 };
		e.possible += r.possible;
		e.earned += r.possible === 0 && !r.ok ? -1 : r.earned;
		by.set(r.competency, e);
	}
	return [...by].map(([competency, e]) => ({ competency, earned: Math.max(0, e.earned), possible: e.possible }));
}

export function gradedFromRules(rules: RuleResult[], next: string | undefined, kind: 'code' | 'claim' | 'remittance' | 'verify' | 'index' | 'match' | 'audit' | 'report') {
	const evidence = evidenceFromRules(rules);
	const earned = evidence.reduce((n, e) => n + e.earned, 0);
	const possible = evidence.reduce((n, e) => n + e.possible, 0);
	const failed = rules.filter((r) => !r.ok);
	const critical = failed.find((r) => r.critical)?.critical;
	return {
		feedback: failed.length ? failed.map((r) => r.message) : ['Every check passed.'],
		next,
		evidence,
		marks: { kind, rules },
		verdict: (critical ? 'wrong' : verdictOf(earned, possible)) as 'best' | 'partial' | 'wrong',
		critical
	};
}

export const code: Grader<'code'> = {
	choices: () => [],
	check(_block, input: Input) {
		if (input.kind !== 'code') return `expected a superbill, got ${input.kind}`;
		return checkCodedVisit(input.diagnoses, input.lines);
	},
	grade(block, input) {
		const coded = input.kind === 'code' ? input : { diagnoses: [], lines: [] };
		return gradedFromRules(gradeCodedVisit(block, coded), block.next, 'code');
	}
};
