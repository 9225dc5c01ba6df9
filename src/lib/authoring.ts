/**
 * Scenarios written in the app: checked with exactly the build's rules (the same parser, the same
 * clinic, the same competency list, the same minimum of decisions), plus a rule of their own: their
 * id starts with "custom-", so they can never shadow a shipped scenario. Every schedule task must
 * have a booking that earns full marks (the solver proves one, with a bounded search). No Dexie, no DOM.
 */
import { parseScenario, MIN_DECISIONS, type ContentError } from './content';
import type { Scenario } from './content/schema/scenario';
import type { ClinicWorld } from './content/world';
import type { Framework } from './content/schema/competencies';
import { scenarioWarnings, type ScenarioWarning } from './scenario-warnings';
import { scheduleSolvability } from './engine/schedule-solver';

export const CUSTOM_PREFIX = 'custom-';
export const MAX_AUTHORED_CHARS = 200_000;

export interface AuthorCheck {
	scenario?: Scenario;
	errors: ContentError[];
	/** Item-writing and balance warnings for a scenario that passes: shown, never blocking. */
	warnings: ScenarioWarning[];
}

export function checkAuthored(text: string, world: ClinicWorld, frameworks: readonly Framework[], shippedIds: ReadonlySet<string>): AuthorCheck {
	const file = 'your scenario';
	if (text.length > MAX_AUTHORED_CHARS) return { errors: [{ file, line: 1, message: `the scenario is ${text.length} characters long; at most ${MAX_AUTHORED_CHARS} are accepted` }], warnings: [] };
	const known = {
		competencies: new Set(frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id)))),
		patients: new Set(world.patients.map((p) => p.id)),
		providers: new Set(world.providers.map((p) => p.id)),
		appointmentTypes: new Set(world.appointmentTypes.map((t) => t.id)),
		rooms: new Set(world.clinic.rooms.map((r) => r.id)),
		fees: new Set(world.fees.map((f) => f.code)),
		modifiers: new Set(world.modifiers.map((m) => m.code)),
		payers: new Set(world.payers.map((p) => p.id))
	};
	const r = parseScenario(text, file, { known, world, minDecisions: MIN_DECISIONS });
	const id = r.scenario?.meta.id ?? /^id:\s*(\S+)/m.exec(text)?.[1];
	const idLine = Math.max(1, text.split('\n').findIndex((l) => l.startsWith('id:')) + 1);
	const extra: ContentError[] = [];
	if (id && !id.startsWith(CUSTOM_PREFIX)) extra.push({ file, line: idLine, message: `the id must start with "${CUSTOM_PREFIX}" (e.g. ${CUSTOM_PREFIX}${id}) so it cannot replace a shipped scenario` });
	if (id && shippedIds.has(id)) extra.push({ file, line: idLine, message: `"${id}" is the id of a shipped scenario` });
	// A task nobody can complete (availability only on a holiday or a day off) is checked once the rest is sound.
	const solvable = r.scenario && !extra.length ? scheduleSolvability(r.scenario) : { errors: [], warnings: [] };
	const errors = [...r.errors, ...extra, ...solvable.errors].sort((a, b) => a.line - b.line);
	return errors.length
		? { errors, warnings: [] }
		: { scenario: r.scenario!, errors, warnings: [...scenarioWarnings(r.scenario!), ...solvable.warnings].sort((a, b) => a.line - b.line) };
}
