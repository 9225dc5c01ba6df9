import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';

type ReportStep = Extract<Interaction, { kind: 'report' }>;
const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const first = (v: string | string[]) => (Array.isArray(v) ? v[0]! : v);
const last = (v: string | string[]) => (Array.isArray(v) ? v[v.length - 1]! : v);

/**
 * A report step's key as a learner's input: the first (or last) accepted report and filter values,
 * dates typed MM/DD/YYYY, figures as numbers (a rate with a percent sign on 'last').
 */
export function reportKeyInput(it: ReportStep, pick: 'first' | 'last' = 'first'): Extract<Input, { kind: 'report' }> {
	const choose = pick === 'first' ? first : last;
	const b = it.block;
	return {
		kind: 'report',
		report: choose(b.report),
		filters: Object.fromEntries(Object.entries(b.filters).map(([k, v]) => { const x = choose(v!); return [k, (k === 'from' || k === 'to') && x ? us(x) : x]; })),
		answers: Object.fromEntries(
			b.questions.map((q) => [q.id, q.type === 'number' ? (q.value === 'rate' && pick === 'last' ? `${q.answer}%` : String(q.answer)) : q.type === 'patients' ? (pick === 'last' ? [...q.answer].reverse() : q.answer) : q.options.find((o) => o.correct)!.id])
		)
	};
}
