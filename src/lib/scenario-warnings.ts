/**
 * Warnings an author sees beside a scenario that passes every check: surface cues that give an
 * answer away, and a step that outweighs the rest. The build prints them; the author page shows
 * them on their lines. A warning never stops a scenario from saving.
 */
import { cueWarnings, scenarioDecisions } from './content/cues';
import type { Scenario } from './content/schema/scenario';
import { balanceWarnings } from './engine/weight';

export interface ScenarioWarning {
	line: number;
	message: string;
}

export function scenarioWarnings(scenario: Scenario): ScenarioWarning[] {
	const cues = scenarioDecisions(scenario).flatMap((d) =>
		cueWarnings(d).map((w) => ({ line: w.line ?? 1, message: `step "${w.where.split(' › ')[1]}": ${w.message}` }))
	);
	return [...cues, ...balanceWarnings(scenario)].sort((a, b) => a.line - b.line);
}
