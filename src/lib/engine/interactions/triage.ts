import type { Grader } from './grader';
import { own, verdictOf } from './grader';

export const triage: Grader<'triage'> = {
	choices: (block) => block.items.map((i) => i.id),
	check(block, input) {
		if (input.kind !== 'triage') return `expected a triage answer, got ${input.kind}`;
		const ids = block.items.map((i) => i.id);
		if (block.mode === 'classify') {
			if (!('placements' in input) || typeof input.placements !== 'object' || input.placements === null) return 'every item needs a category';
			const cats = new Set((block.categories ?? []).map((c) => c.id));
			for (const id of ids) {
				const c = own(input.placements, id);
				if (c === undefined) return `item "${id}" has no category`;
				if (!cats.has(c)) return `item "${id}" is in unknown category "${c}"`;
			}
			if (Object.keys(input.placements).length !== ids.length) return 'placements name an unknown item';
		} else {
			if (!('order' in input) || !Array.isArray(input.order)) return 'the items need an order';
			if (input.order.length !== ids.length || [...input.order].sort().join() !== [...ids].sort().join())
				return 'the order must list every item exactly once';
		}
	},
	grade(block, input) {
		if (block.mode === 'classify') {
			const placements = 'placements' in input ? input.placements : {};
			const label = (id: string) => block.categories?.find((c) => c.id === id)?.label ?? id;
			const items = block.items.map((i) => ({ id: i.id, given: own(placements, i.id)!, right: i.category!, ok: own(placements, i.id) === i.category }));
			const right = items.filter((i) => i.ok).length;
			const wrong = block.items.filter((i) => own(placements, i.id) !== i.category);
			return {
				feedback: [
					...wrong.map((i) => `**${i.text}** belongs in *${label(i.category!)}*, not *${label(own(placements, i.id)!)}*. ${i.feedback}`),
					...block.items.filter((i) => own(placements, i.id) === i.category).map((i) => `**${i.text}**: right, *${label(i.category!)}*. ${i.feedback}`)
				],
				next: block.next,
				evidence: block.competencies.map((competency) => ({ competency, earned: right, possible: items.length })),
				critical: wrong.find((i) => i.critical)?.critical,
				marks: { kind: 'triage', items },
				verdict: wrong.some((i) => i.critical) ? 'wrong' : verdictOf(right, items.length)
			};
		}
		// Order: the share of item pairs in the right relative order (Kendall), scaled to one point per item.
		const order = 'order' in input ? input.order : [];
		const rank = new Map(block.items.map((i, n) => [i.id, n]));
		const n = block.items.length;
		let concordant = 0;
		for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rank.get(order[a]!)! < rank.get(order[b]!)!) concordant++;
		const pairs = (n * (n - 1)) / 2;
		const earned = Math.round((concordant / pairs) * n);
		const items = block.items.map((i, pos) => ({ id: i.id, given: String(order.indexOf(i.id) + 1), right: String(pos + 1), ok: order[pos] === i.id }));
		const misplaced = block.items.filter((i, pos) => order[pos] !== i.id);
		return {
			feedback: [
				earned === n ? 'Every item is in the right order.' : `The right order is: ${block.items.map((i, k) => `${k + 1}. ${i.text}`).join('; ')}.`,
				...misplaced.map((i) => `**${i.text}** (you put it ${order.indexOf(i.id) + 1}, it belongs ${rank.get(i.id)! + 1}). ${i.feedback}`)
			],
			next: block.next,
			evidence: block.competencies.map((competency) => ({ competency, earned, possible: n })),
			critical: misplaced.find((i) => i.critical)?.critical,
			marks: { kind: 'triage', items },
			verdict: misplaced.some((i) => i.critical) ? 'wrong' : verdictOf(earned, n)
		};
	}
};
