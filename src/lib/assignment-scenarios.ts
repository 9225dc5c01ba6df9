/**
 * A scenario of an assignment, shipped with the app or carried inside the assignment (an
 * instructor's own, checked again here with the build's rules). Browser side: it loads content lazily.
 */
import type { Assignment } from './assign/assignment';
import type { Scenario } from './content/schema/scenario';
import type { Shift } from './content/schema/shift';
import type { ProgressStore } from './db/types';
import { sha256Hex } from './assign/sha256';
import { loadGradersFor } from './engine/interactions';

export async function loadAssignmentScenario(assignment: Pick<Assignment, 'custom'>, id: string): Promise<Scenario | undefined> {
	const { loaders } = await import('virtual:scenarios');
	const loader = loaders.get(id);
	if (loader) return (await loader()).default;
	const source = assignment.custom.find((c) => c.id === id)?.source;
	if (!source) return undefined;
	const [{ checkAuthored }, world, catalog] = await Promise.all([import('./authoring'), import('virtual:world'), import('virtual:catalog')]);
	return checkAuthored(source, world.default, catalog.default.frameworks, new Set(catalog.default.scenarios.map((s) => s.id))).scenario;
}

/** Every scenario of the assignment this copy of the app can load, by id, with their graders loaded (to replay result files' attempts). */
export async function loadAssignmentScenarios(assignment: Pick<Assignment, 'custom' | 'scenarios'>): Promise<Map<string, Scenario>> {
	const loaded = await Promise.all(assignment.scenarios.map(async (id) => [id, await loadAssignmentScenario(assignment, id)] as const));
	const scenarios = new Map(loaded.filter((e): e is readonly [string, Scenario] => e[1] !== undefined));
	await loadGradersFor(scenarios.values());
	return scenarios;
}

/**
 * Every shift of the assignment this copy of the app has, by id, with their graders loaded (to replay
 * result files' shift runs). An assignment kept from before shifts could be assigned names none.
 */
export async function loadAssignmentShifts(assignment: Partial<Pick<Assignment, 'shifts'>>): Promise<Map<string, Shift>> {
	const ids = assignment.shifts ?? [];
	if (!ids.length) return new Map();
	// Loaded here only: this module is on every page that syncs xAPI, and few assignments name shifts.
	const [{ shiftLoaders }, { loadShiftGraders }] = await Promise.all([import('virtual:shifts'), import('./shift-runs')]);
	const loaded = await Promise.all(ids.map(async (id) => [id, (await shiftLoaders.get(id)?.())?.default] as const));
	const shifts = new Map(loaded.filter((e): e is readonly [string, Shift] => e[1] !== undefined));
	await Promise.all([...shifts.values()].map(loadShiftGraders));
	return shifts;
}

/** Where an assignment's own scenario is kept in this browser, and whether that is beside one of the same id. */
export interface KeptScenario {
	/** The authored record to play it from (`/author/play/?id=<key>`): its own id, or a derived one. */
	key: string;
	/** True when an authored scenario with the same id and other text was already here (and was left as it was). */
	besideOwn: boolean;
}

/** The derived key for an assignment's version of a scenario whose id is taken here: the same text gives the same key. */
export const assignmentCopyKey = (id: string, source: string) => `${id}--from-assignment-${sha256Hex(source).slice(0, 8)}`;

/**
 * Keeps an assignment's scenario (already checked) so it can be played, never overwriting one stored
 * here: identical text is left as it is; another text under the same id (an instructor's own work, or
 * a colleague's who picked the same id) stays, and the assignment's version is kept beside it under a
 * derived key. Attempts still carry the scenario's own id (the source says it), so they count for the
 * assignment either way; the content hash tells the two versions apart.
 */
export async function keepAssignmentScenario(store: Pick<ProgressStore, 'getAuthored' | 'putAuthored'>, c: { id: string; source: string }, title: string, now: number): Promise<KeptScenario> {
	const own = await store.getAuthored(c.id);
	if (!own) {
		await store.putAuthored({ id: c.id, title, source: c.source, updatedAt: now });
		return { key: c.id, besideOwn: false };
	}
	if (own.source === c.source) return { key: c.id, besideOwn: false };
	const key = assignmentCopyKey(c.id, c.source);
	const copy = await store.getAuthored(key);
	if (copy?.source !== c.source) await store.putAuthored({ id: key, title: `${title} (from an assignment)`, source: c.source, updatedAt: now });
	return { key, besideOwn: true };
}
