import type { Channel, Shift } from '$lib/content/schema/shift';
import type { ChartWorld } from '$lib/content/world';
import type { TaskInstance } from '$lib/engine/shift';
import { counterpartName, scenarioPatient, worldBindings } from '$lib/office/bindings';

/** How each channel reads in the queue. */
export const CHANNEL_LABELS: Record<Channel, string> = {
	call: 'Phone',
	'walk-in': 'Walk-in',
	window: 'At the window',
	portal: 'Portal message',
	fax: 'Fax',
	'provider-late': 'Message from a provider',
	'claim-rejection': 'Billing queue',
	desk: 'At the desk'
};

const minutes = (n: number) => `${n} min`;

/** What the queue says about a task's wait, as the desk would see it (no urgency or deadline: judging those is the skill). */
export function taskStatusText(t: Pick<TaskInstance, 'status' | 'since' | 'startedAt'>, waited: number, clock: number): string {
	if (t.status === 'ringing') return `Ringing for ${minutes(clock - t.since)}`;
	if (t.status === 'on-hold') return `On hold for ${minutes(clock - t.since)}`;
	if (t.startedAt !== null) return `Started, set back ${minutes(clock - t.since)} ago`;
	return `Waiting ${minutes(waited)}`;
}

/** A task's {{placeholder}} values and the name of the person it is with, from its variant: what the desk and the report both show. */
export function taskPeople(world: ChartWorld, shift: Shift, t: Pick<TaskInstance, 'eventId' | 'attempt'> | undefined): { bindings: Readonly<Record<string, string>>; who: string } {
	const sc = t && shift.tasks[t.eventId];
	if (!sc) return { bindings: {}, who: '' };
	const variant = t.attempt?.variant ?? {};
	const e = shift.meta.events.find((x) => x.id === t.eventId);
	return { bindings: worldBindings(world, sc.meta, variant), who: counterpartName(scenarioPatient(world, sc.meta, variant), { name: e?.who ?? '' }) };
}
