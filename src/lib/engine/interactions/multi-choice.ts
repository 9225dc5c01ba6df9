import type { Grader } from './grader';
import { verdictOf } from './grader';

export const multiChoice: Grader<'multi-choice'> = {
	choices: (block) => block.options.map((o) => o.id),
	check(block, input) {
		if (input.kind !== 'multi-choice') return `expected a pick-all-that-apply answer, got ${input.kind}`;
		if (!Array.isArray(input.optionIds)) return 'optionIds must be a list';
		const known = new Set(block.options.map((o) => o.id));
		const unknown = input.optionIds.find((id) => !known.has(id));
		if (unknown !== undefined) return `unknown option "${unknown}"`;
		if (new Set(input.optionIds).size !== input.optionIds.length) return 'an option was picked twice';
	},
	grade(block, input) {
		const picked = new Set(input.kind === 'multi-choice' ? input.optionIds : []);
		const options = block.options.map((o) => ({ id: o.id, picked: picked.has(o.id), correct: o.correct }));
		const right = options.filter((o) => o.picked === o.correct).length;
		const wrongOnes = block.options.filter((o) => picked.has(o.id) !== o.correct);
		const critical = wrongOnes.find((o) => o.critical)?.critical;
		// Teach from the mistakes first, then confirm what was right.
		const feedback = [
			...wrongOnes.map((o) => `**${picked.has(o.id) ? 'Should not be picked' : 'Missed'}: ${o.text}** ${o.feedback}`),
			...block.options.filter((o) => picked.has(o.id) === o.correct && o.correct).map((o) => `**Right: ${o.text}** ${o.feedback}`)
		];
		return {
			feedback,
			next: block.next,
			evidence: block.competencies.map((competency) => ({ competency, earned: right, possible: block.options.length })),
			critical,
			marks: { kind: 'multi-choice', options },
			verdict: critical ? 'wrong' : verdictOf(right, block.options.length)
		};
	}
};
