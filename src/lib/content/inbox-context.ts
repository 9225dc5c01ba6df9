import type { ClinicWorld } from './world';
import type { InboxBlock, InboxContext } from './schema/inbox';

/**
 * The patients and providers an inbox step names, copied out of the clinic so the parsed scenario
 * grades and replays alone. An unknown id is the author's mistake, named with the item.
 */
export function inboxContext(world: Pick<ClinicWorld, 'patients' | 'providers'>, block: InboxBlock): InboxContext | string {
	const patients: InboxContext['patients'] = [];
	const providers: InboxContext['providers'] = [];
	for (const item of block.items) {
		const pt = world.patients.find((p) => p.id === item.patient);
		if (!pt) return `inbox item "${item.id}" names unknown patient "${item.patient}" (see content/office/patients.yaml)`;
		if (!patients.some((p) => p.id === pt.id)) patients.push({ id: pt.id, name: `${pt.firstName} ${pt.lastName}`, dob: pt.dob });
		if (item.orderedBy) {
			const pr = world.providers.find((p) => p.id === item.orderedBy);
			if (!pr) return `inbox item "${item.id}" names unknown ordering provider "${item.orderedBy}" (see content/office/providers.yaml)`;
			if (!providers.some((p) => p.id === pr.id)) providers.push({ id: pr.id, name: pr.name, credentials: pr.credentials });
		}
	}
	return { patients, providers };
}
