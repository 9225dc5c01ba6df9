import { own, type Grader } from './grader';
import type { RuleResult } from '../types';
import { parseMoney } from '../../office/remittance';
import { dollars, toCents } from '../../office/coding';
import { gradedFromRules } from './code';

export const verify: Grader<'verify'> = {
	choices: (block) => block.rows.map((r) => r.id),
	check(block, input) {
		if (input.kind !== 'verify') return `expected a verification, got ${input.kind}`;
		if (typeof input.actions !== 'object' || input.actions === null) return 'decide what to do about every row';
		const actions = new Set(['ok', ...block.actions.map((a) => a.id)]);
		for (const r of block.rows) {
			const a = own(input.actions, r.id);
			if (a === undefined) return `decide what to do about "${r.label}"`;
			if (!actions.has(a)) return `"${r.label}" has an unknown action "${a}"`;
		}
		if (Object.keys(input.actions).some((k) => !block.rows.some((r) => r.id === k))) return 'an action names an unknown row';
		if (typeof input.collect !== 'string' || parseMoney(input.collect) === undefined) return 'enter the amount to collect today in dollars (0.00 if nothing)';
	},
	grade(block, input) {
		const chosen = input.kind === 'verify' ? input.actions : {};
		const label = (id: string) => (id === 'ok' ? 'nothing to do: it matches' : (block.actions.find((a) => a.id === id)?.label ?? id));
		const rules: RuleResult[] = block.rows.map((r) => {
			const ok = own(chosen, r.id) === r.action;
			return {
				rule: `row-${r.id}`,
				ok,
				earned: ok ? 1 : 0,
				possible: 1,
				competency: block.scoring.rows,
				message: ok ? `${r.label}: ${label(r.action)}. ${r.teach}` : `${r.label}: ${label(r.action)}, not "${label(own(chosen, r.id) ?? '')}". ${r.teach}`
			};
		});
		const want = toCents(block.collect.amount);
		const got = input.kind === 'verify' ? parseMoney(input.collect) : undefined;
		rules.push({
			rule: 'collect',
			ok: got === want,
			earned: got === want ? 1 : 0,
			possible: 1,
			competency: block.scoring.collect,
			message: `${got === want ? 'Collect' : `Collect ${dollars(want)}, not ${dollars(got ?? 0)}:`} ${got === want ? `${dollars(want)}. ` : ''}${block.collect.teach}`
		});
		const graded = gradedFromRules(rules, block.next, 'verify');
		const critical = block.rows.find((r) => r.critical && own(chosen, r.id) !== r.action)?.critical;
		return critical ? { ...graded, critical, verdict: 'wrong' } : graded;
	}
};
