import { own, type Grader } from './grader';
import type { RuleResult } from '../types';
import type { ResolvedReportBlock } from '../../content/schema/report';
import { FILTER_NAMES } from '../../ehr/report-terms';
import { parseDob } from '../../ehr/dates';
import { gradedFromRules } from './code';

// Kept small on purpose: every scenario page loads the graders. The keys were proven against the
// report engine by the content check, so this compares with them and never runs a report.

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
/** A filter as typed, in the key's terms: dates to ISO, the rest trimmed. */
const norm = (name: string, v: string) => (name === 'from' || name === 'to' ? parseDob(v) || v.trim() : v.trim());

/** A typed figure: "3", "37.5" or "37.5%". NaN when it is not one. */
export const readFigure = (text: string) => (/^\s*\d+(\.\d+)?\s*%?\s*$/.test(text) ? parseFloat(text) : NaN);
/** A filter's name as the form labels it, near enough for feedback: "ageMin" → "age min". */
const label = (name: string) => name.replace(/[A-Z]/, ' $&').toLowerCase();

export const report: Grader<'report'> = {
	choices: () => [],
	check: (_block, input) => (input.kind === 'report' && input.report ? undefined : 'choose and run a report'),
	grade(block: ResolvedReportBlock, input) {
		const it = input.kind === 'report' ? input : { report: '', filters: {}, answers: {} };
		const names = (ids: string[]) => ids.map((id) => block.context.patients.find((p) => p.id === id)?.name ?? id).join('; ') || 'nobody';
		const rules: RuleResult[] = [];
		const add = (rule: string, ok: boolean, message: string, possible = 1, competency = block.scoring.report) =>
			rules.push({ rule, ok, earned: ok ? possible : 0, possible, competency, message });
		const reports = list(block.report);
		const fit = (ok: boolean, key: string[], given: string) => `${key.map((k) => k || 'any').join(' or ')}${ok ? '.' : `, not ${given || 'any'}. ${block.teach}`}`;
		let ok = reports.includes(it.report);
		add('report', ok, `Report: ${fit(ok, reports, it.report)}`);
		const stray: string[] = [];
		for (const name of FILTER_NAMES) {
			const given = norm(name, own(it.filters, name) ?? '');
			const key = own(block.filters, name);
			if (key === undefined) given && stray.push(`${label(name)} (${given})`);
			else {
				ok = list(key).some((k) => norm(name, k) === given);
				add(`filter-${name}`, ok, `${label(name)}: ${fit(ok, list(key), given)}`);
			}
		}
		add('filter-other', !stray.length, `Filters beyond the task: ${stray.join(', ') || 'none'}.`);
		for (const q of block.questions) {
			const a = own(it.answers, q.id);
			let why: string;
			if (q.type === 'number') {
				// A rate is right to the nearest whole percent, however it is written.
				const n = readFigure(typeof a === 'string' ? a : '');
				ok = q.value === 'rate' ? Math.abs(n - q.answer) < 0.5 : n === q.answer;
				why = `${q.answer}${ok ? '.' : `, not ${a || 'blank'}.`}`;
			} else if (q.type === 'patients') {
				// Any order: the same patients, each once.
				const given = Array.isArray(a) ? a : [];
				ok = given.length === q.answer.length && q.answer.every((p) => given.includes(p));
				why = `${names(q.answer)}${ok ? '.' : `, not ${names(given)}.`}`;
			} else {
				const chosen = q.options.find((o) => o.id === a);
				ok = !!chosen?.correct;
				why = chosen?.feedback ?? 'No answer.';
			}
			add(q.id, ok, `${q.ask} ${why}`, 2, q.competency);
		}
		return gradedFromRules(rules, block.next, 'report');
	}
};
