import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';
import { bestOf } from '../../src/lib/engine/interactions/grader';

/** The best answer to a choice-like step as a learner's input, or the worst one when `miss` is set. */
export function bestIntentInput(interaction: Interaction, miss = false): Input {
	switch (interaction.kind) {
		case 'choice': {
			const best = bestOf(interaction.block.options);
			const other = interaction.block.options.find((o) => !best.includes(o.id))!;
			return { kind: 'choice', optionId: miss ? other.id : best[0]! };
		}
		case 'dialogue': {
			const best = bestOf(interaction.block.replies);
			const other = interaction.block.replies.find((o) => !best.includes(o.id))!;
			return { kind: 'dialogue', replyId: miss ? other.id : best[0]! };
		}
		case 'multi-choice':
			return { kind: 'multi-choice', optionIds: interaction.block.options.filter((o) => (miss ? !o.correct : o.correct)).map((o) => o.id) };
		case 'triage':
			return interaction.block.mode === 'classify'
				? { kind: 'triage', placements: Object.fromEntries(interaction.block.items.map((i) => [i.id, i.category!])) }
				: { kind: 'triage', order: interaction.block.items.map((i) => i.id) };
		default:
			throw new Error(`${interaction.kind} steps need their own key`);
	}
}
