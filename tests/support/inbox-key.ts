import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';
import { inboxKey } from '../../src/lib/engine/interactions/inbox';

/**
 * An inbox step's key as a learner's input: every item routed as the practice's rules and the author
 * say. `pick` chooses among the right answers where there are several (first or last), so two
 * different valid workings can be tried.
 */
export function inboxKeyInput(it: Extract<Interaction, { kind: 'inbox' }>, pick: 'first' | 'last' = 'first'): Extract<Input, { kind: 'inbox' }> {
	const of = <T>(xs: T[]) => (pick === 'first' ? xs[0]! : xs[xs.length - 1]!);
	return {
		kind: 'inbox',
		items: Object.fromEntries(
			it.block.items.map((item) => {
				const k = inboxKey(item);
				const route = of(k.routes);
				return [item.id, { route, priority: of(k.priorities), ...(route === 'reply' && item.reply ? { reply: item.reply } : {}) }];
			})
		)
	};
}
