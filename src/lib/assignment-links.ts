/**
 * Glue: which assignment a scenario attempt was worked for, so its results page can link back. The
 * assignment page remembers each assignment it opened (its link, under `assignmentLink:<id>`, which the
 * exam's results page reads too, and the ids, newest first); an attempt belongs to an assignment when
 * the assignment lists its scenario and counts the attempt (lms/standing.ts). Through the store only.
 */
import { decodeAssignment, type Assignment } from './assign/assignment';
import { countedAttempts } from './lms/standing';
import type { AttemptRecord, ProgressStore } from './db/types';

const OPENED = 'openedAssignments';
/** At most this many assignments are remembered; the oldest is forgotten first. */
export const MAX_REMEMBERED_ASSIGNMENTS = 50;
export const assignmentLinkKey = (assignmentId: string) => `assignmentLink:${assignmentId}`;

async function remembered(store: ProgressStore): Promise<string[]> {
	const list = await store.getSetting<unknown>(OPENED);
	return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** Keeps the assignment's link (the fragment without "#") and puts it first in the list. */
export async function rememberAssignment(store: ProgressStore, assignmentId: string, fragment: string): Promise<void> {
	await store.setSetting(assignmentLinkKey(assignmentId), fragment);
	const ids = (await remembered(store)).filter((id) => id !== assignmentId);
	await store.setSetting(OPENED, [assignmentId, ...ids].slice(0, MAX_REMEMBERED_ASSIGNMENTS));
}

/** The remembered assignment that counts this attempt (the most recently opened first), with its link. */
export async function assignmentOfAttempt(store: ProgressStore, attempt: AttemptRecord): Promise<{ title: string; fragment: string } | undefined> {
	const ids = await remembered(store);
	if (!ids.length) return undefined;
	const attempts = await store.listAttempts(attempt.learnerId);
	for (const id of ids) {
		const fragment = await store.getSetting<unknown>(assignmentLinkKey(id));
		if (typeof fragment !== 'string') continue;
		const r = await decodeAssignment(`#${fragment}`);
		if (!r.ok || !r.assignment.scenarios.includes(attempt.scenarioId)) continue;
		if (countedAttempts(r.assignment, attempts, attempt.scenarioId).some((a) => a.id === attempt.id)) return { title: r.assignment.title, fragment };
	}
	return undefined;
}

/** Every assignment remembered in this browser that still decodes, most recently opened first. */
export async function rememberedAssignments(store: ProgressStore): Promise<Assignment[]> {
	const found: Assignment[] = [];
	for (const id of await remembered(store)) {
		const fragment = await store.getSetting<unknown>(assignmentLinkKey(id));
		if (typeof fragment !== 'string') continue;
		const r = await decodeAssignment(`#${fragment}`);
		if (r.ok) found.push(r.assignment);
	}
	return found;
}
