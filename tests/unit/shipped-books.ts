/**
 * Every shipped schedule book: the `schedule` steps of every scenario and of every shift task, each
 * named `<scenario or shift/task>` with its step, for the tests that check the books agree with the
 * clinic and with each other.
 */
import type { Content } from '../../src/lib/content';
import type { ResolvedScheduleBlock, Scenario } from '../../src/lib/content/schema/scenario';

export interface ShippedBook {
	/** The scenario's id, or `<shift>/<task>` for a shift task. */
	where: string;
	scenario: Scenario;
	step: string;
	block: ResolvedScheduleBlock;
}

export function shippedBooks(content: Pick<Content, 'scenarios' | 'shifts'> | undefined): ShippedBook[] {
	return [
		...(content?.scenarios ?? []).map((s) => ({ where: s.meta.id, scenario: s })),
		...(content?.shifts ?? []).flatMap((sh) => Object.entries(sh.tasks).map(([event, s]) => ({ where: `${sh.meta.id}/${event}`, scenario: s })))
	].flatMap(({ where, scenario }) =>
		Object.values(scenario.steps).flatMap((step) => (step.interaction?.kind === 'schedule' ? [{ where, scenario, step: step.id, block: step.interaction.block as ResolvedScheduleBlock }] : []))
	);
}
