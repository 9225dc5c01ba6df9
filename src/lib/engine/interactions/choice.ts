import type { Grader } from './grader';
import { bestOf, evidenceOf, sumEarned, verdictOf } from './grader';

export const choice: Grader<'choice'> = {
	choices: (block) => block.options.map((o) => o.id),
	check(block, input) {
		if (input.kind !== 'choice') return `expected a choice answer, got ${input.kind}`;
		if (!block.options.some((o) => o.id === input.optionId)) return `unknown option "${input.optionId}"`;
	},
	grade(block, input) {
		const optionId = input.kind === 'choice' ? input.optionId : '';
		const option = block.options.find((o) => o.id === optionId)!;
		const evidence = evidenceOf(option.evidence);
		const { earned, possible } = sumEarned(evidence);
		return {
			feedback: option.feedback ? [option.feedback] : [],
			next: option.next ?? block.next,
			evidence,
			critical: option.critical,
			marks: { kind: 'choice', chosen: option.id, best: bestOf(block.options) },
			verdict: option.critical ? 'wrong' : verdictOf(earned, possible)
		};
	}
};
