import { own, type Grader } from './grader';
import type { RuleResult } from '../types';
import type { ResolvedReportBlock } from '../../content/schema/report';
import { FILTER_LABELS, FILTER_NAMES } from '../../ehr/report-terms';
import { parseDob } from '../../ehr/dates';
import { gradedFromRules } from './code';

/** The report and each keyed filter a point; each question two (answering is the point of running it). */
const PER_QUESTION = 2;

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
/** A filter as typed, in the key's terms: dates to ISO, the rest trimmed. */
const norm = (name: string, v: string) => (name === 'from' || name === 'to' ? (parseDob(v) ?? v.trim()) : v.trim());

/** A typed figure: "3", "37.5%", or a fraction "3/8" for a rate. Undefined when it is not a number. */
export function readFigure(text: string, rate: boolean): number | undefined {
	const t = text.trim().replace(/%$/, '').trim();
	const f = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
	if (rate && f) return Number(f[2]) ? (100 * Number(f[1])) / Number(f[2]) : undefined;
	return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

export const report: Grader<'report'> = {
	choices: (block) => block.questions.map((q) => q.id),
	check(block, input) {
		if (input.kind !== 'report') return `expected a report, got ${input.kind}`;
		if (!input.report) return 'choose and run a report';
		for (const q of block.questions) {
			const a = own(input.answers, q.id);
			if (q.type === 'patients' ? !Array.isArray(a) : typeof a !== 'string' || !a.trim()) return `answer "${q.ask}"`;
			if (q.type === 'number' && readFigure(a as string, q.value === 'rate') === undefined) return `"${q.ask}": write a number`;
		}
	},
	grade(block, input) {
		const it = input.kind === 'report' ? input : { report: '', filters: {}, answers: {} };
		const who = (id: string) => block.context.patients.find((p) => p.id === id)?.name ?? id;
		const competency = block.scoring.report;
		const reports = list(block.report);
		const rules: RuleResult[] = [
			{ rule: 'report', ok: reports.includes(it.report), earned: reports.includes(it.report) ? 1 : 0, possible: 1, competency, message: reports.includes(it.report) ? 'The right report.' : `The task needs the ${reports.join(' or ')} report, not ${it.report || 'none'}. ${block.teach}` }
		];
		const stray: string[] = [];
		for (const name of FILTER_NAMES) {
			const given = norm(name, own(it.filters, name) ?? '');
			const key = own(block.filters, name);
			if (key === undefined) {
				if (given) stray.push(`${FILTER_LABELS[name]} (${given})`);
				continue;
			}
			const ok = list(key).map((k) => norm(name, k)).includes(given);
			rules.push({ rule: `filter-${name}`, ok, earned: ok ? 1 : 0, possible: 1, competency, message: `${FILTER_LABELS[name]}: ${ok ? `${given || 'any'}, right.` : `${list(key).map((k) => k || 'any').join(' or ')}, not ${given || 'any'}. ${block.teach}`}` });
		}
		rules.push({ rule: 'filter-other', ok: !stray.length, earned: stray.length ? 0 : 1, possible: 1, competency, message: stray.length ? `A filter the task did not ask for narrows the result: ${stray.join(', ')}.` : 'No filter beyond the task.' });
		for (const q of block.questions) {
			const a = own(it.answers, q.id);
			const c = q.competency ?? competency;
			let ok: boolean;
			let message: string;
			if (q.type === 'number') {
				const n = typeof a === 'string' ? readFigure(a, q.value === 'rate') : undefined;
				// A rate is right to the nearest whole percent, however it is written.
				ok = n !== undefined && (q.value === 'rate' ? Math.abs(n - q.answer) < 0.5 : n === q.answer);
				message = `${q.ask} ${q.answer}${q.value === 'rate' ? '%' : ''}${ok ? '.' : `, not ${typeof a === 'string' && a.trim() ? a.trim() : 'blank'}: read it from the report run with the right filters.`}`;
			} else if (q.type === 'patients') {
				const given = new Set(Array.isArray(a) ? a : []);
				const missing = q.answer.filter((p) => !given.has(p));
				const extra = [...given].filter((p) => !q.answer.includes(p));
				ok = !missing.length && !extra.length;
				message = `${q.ask} ${q.answer.map(who).join('; ') || 'none'}.${missing.length ? ` Missing: ${missing.map(who).join('; ')}.` : ''}${extra.length ? ` Not on the list: ${extra.map(who).join('; ')}.` : ''}`;
			} else {
				const chosen = q.options.find((o) => o.id === a);
				ok = !!chosen?.correct;
				message = `${q.ask} ${chosen ? chosen.feedback : 'No answer.'}`;
			}
			rules.push({ rule: q.id, task: q.id, ok, earned: ok ? PER_QUESTION : 0, possible: PER_QUESTION, competency: c, message });
		}
		return gradedFromRules(rules, block.next, 'report');
	}
};
