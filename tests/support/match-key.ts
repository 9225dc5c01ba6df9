import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';

/** A match step's key as a learner's input: each set decided as keyed, the first (or last) accepted survivor and value of each field. */
export function matchKeyInput(it: Extract<Interaction, { kind: 'match' }>, pick: 'first' | 'last' = 'first'): Extract<Input, { kind: 'match' }> {
	const choose = (v: string | string[] | undefined) => {
		const list = v === undefined ? [''] : Array.isArray(v) ? v : [v];
		return pick === 'first' ? list[0]! : list[list.length - 1]!;
	};
	return {
		kind: 'match',
		pairs: Object.fromEntries(it.block.pairs.map((p) => [p.id, { action: p.action, survivor: p.action === 'merge' ? choose(p.survivor) : '', fixes: Object.fromEntries(p.fixes.map((f) => [f.id, choose(f.answer)])) }]))
	};
}
