import { own, type Grader } from './grader';
import type { MatchDecision, RuleResult } from '../types';
import type { MatchBlock, MatchPair } from '../../content/schema/match';
import { MATCH_ACTIONS, MPI_FIELD_LABELS, type MatchAction } from '../../content/match-terms';
import { gradedFromRules } from './code';

/** The decision about a set of charts counts double a field: it is what keeps two people's records apart. */
const ACTION_POINTS = 2;

const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isAction = (a: string): a is MatchAction => (MATCH_ACTIONS as readonly string[]).includes(a);
const names = (p: MatchPair) => [...new Set(p.records.map((r) => r.name))].join(' and ');
const mrns = (list: string[]) => list.map((m) => `MRN ${m}`).join(' or ');

/** What each decision says the charts are; short, as every scenario page loads the graders (the form has the long labels). */
const IS: Record<MatchAction, string> = { merge: 'one person (merge)', separate: 'different people (keep apart as look-alikes)', overlay: 'an overlay (to the HIM and privacy lead)' };

export const match: Grader<'match'> = {
	choices: (block) => block.pairs.map((p) => p.id),
	check(block, input) {
		if (input.kind !== 'match') return `expected decisions about the charts, got ${input.kind}`;
		if (typeof input.pairs !== 'object' || input.pairs === null) return 'decide every set of charts';
		for (const p of block.pairs) {
			const d = own(input.pairs, p.id);
			if (d === undefined || !isAction(d.action)) return `"${p.title}": choose merge, keep apart or overlay`;
			if (d.action === 'merge' && !p.records.some((r) => r.mrn === d.survivor)) return `"${p.title}": choose which MRN survives the merge`;
			for (const f of p.fixes) {
				const v = own(d.fixes ?? {}, f.id);
				if (v === undefined || !f.options.includes(v)) return `"${p.title}": choose the correct ${MPI_FIELD_LABELS[f.field].toLowerCase()} for MRN ${f.record}`;
			}
		}
		if (Object.keys(input.pairs).some((k) => !block.pairs.some((p) => p.id === k))) return 'a decision names an unknown set of charts';
	},
	grade(block, input) {
		const pairs: Record<string, MatchDecision> = input.kind === 'match' ? input.pairs : {};
		const rules: RuleResult[] = block.pairs.flatMap((p): RuleResult[] => {
			const d = own(pairs, p.id);
			const action = d && isAction(d.action) ? d.action : undefined;
			const ok = action === p.action;
			const rules: RuleResult[] = [
				{
					rule: `${p.id}-action`,
					ok,
					earned: ok ? ACTION_POINTS : 0,
					possible: ACTION_POINTS,
					competency: block.scoring.identity,
					message: `${p.title}: ${IS[p.action]}${ok || !action ? '' : `, not ${IS[action]}`}. ${p.teach}`,
					...(action === 'merge' && p.action !== 'merge' ? { critical: p.critical ?? `Merged the charts of different people (${names(p)}): one chart now mixes two people's records.` } : {})
				}
			];
			if (p.action === 'merge') {
				const keep = listOf(p.survivor);
				const kept = action === 'merge' ? d!.survivor : '';
				const survives = keep.includes(kept);
				rules.push({
					rule: `${p.id}-survivor`,
					ok: survives,
					earned: survives ? 1 : 0,
					possible: 1,
					competency: block.scoring.identity,
					message: `${p.title}: ${mrns(keep)} survives the merge${survives || !kept ? '' : `, not MRN ${kept}`}, by the practice's rule (the older chart, opened first, keeps its number; the other is retired and points to it).`
				});
			}
			for (const f of p.fixes) {
				const right = listOf(f.answer);
				const given = d ? own(d.fixes ?? {}, f.id) : undefined;
				const fixed = given !== undefined && right.includes(given);
				rules.push({
					rule: `${p.id}-fix-${f.id}`,
					ok: fixed,
					earned: fixed ? 1 : 0,
					possible: 1,
					competency: block.scoring.fields,
					message: `${p.title}: ${MPI_FIELD_LABELS[f.field].toLowerCase()} on MRN ${f.record} is ${right.map((v) => `“${v}”`).join(' or ')}${fixed || given === undefined ? '' : `, not “${given}”`}. ${f.teach}`
				});
			}
			return rules;
		});
		return gradedFromRules(rules, block.next, 'match');
	}
};
