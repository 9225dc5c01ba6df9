import type { Grader } from './grader';
import { bestOf, evidenceOf, sumEarned, verdictOf } from './grader';

export const dialogue: Grader<'dialogue'> = {
	choices: (block) => block.replies.map((r) => r.id),
	check(block, input) {
		if (input.kind !== 'dialogue') return `expected a dialogue reply, got ${input.kind}`;
		if (!block.replies.some((r) => r.id === input.replyId)) return `unknown reply "${input.replyId}"`;
	},
	grade(block, input) {
		const replyId = input.kind === 'dialogue' ? input.replyId : '';
		const reply = block.replies.find((r) => r.id === replyId)!;
		const evidence = evidenceOf(reply.evidence);
		const { earned, possible } = sumEarned(evidence);
		return {
			feedback: reply.feedback ? [reply.feedback] : [],
			next: reply.next ?? block.next,
			evidence,
			critical: reply.critical,
			moodDelta: reply.mood,
			marks: { kind: 'dialogue', chosen: reply.id, best: bestOf(block.replies) },
			verdict: reply.critical ? 'wrong' : verdictOf(earned, possible)
		};
	}
};
