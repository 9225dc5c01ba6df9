import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { AuditFinding, Input } from '../../src/lib/engine/types';
import { acceptedReasons, auditKey } from '../../src/lib/engine/interactions/audit';

/**
 * An audit step's key as a learner's input: each row judged as the author keyed it, its breach
 * assessed and notified as the rules say. `pick` chooses among right reasons (first or last) and how
 * the deadline is typed (MM/DD/YYYY or M/D/YYYY), so two different valid workings can be tried.
 */
export function auditKeyInput(it: Extract<Interaction, { kind: 'audit' }>, pick: 'first' | 'last' = 'first'): Extract<Input, { kind: 'audit' }> {
	const of = <T>(xs: T[]) => (pick === 'first' ? xs[0]! : xs[xs.length - 1]!);
	const typed = (iso: string) => (pick === 'first' ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}` : `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`);
	return {
		kind: 'audit',
		rows: Object.fromEntries(
			it.block.rows.map((row): [string, AuditFinding] => {
				const key = auditKey(it.block, row);
				if (!key) return [row.id, { verdict: 'appropriate', reason: '', exception: '', factors: {}, conclusion: '', notify: [], deadline: '' }];
				const breach = key.conclusion === 'breach';
				const parties = pick === 'first' ? key.parties : [...key.parties].reverse();
				return [row.id, { verdict: 'inappropriate', reason: of(acceptedReasons(row)), exception: row.exception, factors: row.exception === 'none' ? { ...row.factors! } : {}, conclusion: key.conclusion, notify: breach ? parties : [], deadline: breach ? typed(key.deadline) : '' }];
			})
		)
	};
}
