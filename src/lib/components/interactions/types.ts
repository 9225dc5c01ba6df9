import type { Interaction } from '$lib/content/schema/scenario';
import type { Input } from '$lib/engine/types';

/** What every interaction component receives; each renders one kind and reports the learner's input. */
export interface InteractionProps<K extends Interaction['kind'] = Interaction['kind']> {
	interaction: Extract<Interaction, { kind: K }>;
	/** Ids of options or items in the seeded display order. */
	order: string[];
	bindings: Readonly<Record<string, string>>;
	busy: boolean;
	speaker?: string;
	onsubmit: (input: Input) => void;
	/** Unsubmitted work restored after a reload (schedule steps). */
	draft?: unknown;
	/** Called with the work so far whenever it changes; resolves once it is stored. */
	ondraft?: (work: unknown) => Promise<void>;
	/** Who is working, for audit trails (the learner's name). */
	actor?: string;
}
