import type { ClinicWorld } from './world';
import type { ScheduleBlock, ScheduleContext } from './schema/scenario';
import { addDays } from '../office/time';

/** Copies what a schedule step is graded against out of the clinic, so the parsed scenario stands alone. */
export function scheduleContext(world: ClinicWorld, block: ScheduleBlock): ScheduleContext {
	const firstDay = block.date ?? world.clinic.today;
	return {
		firstDay,
		days: Array.from({ length: block.days }, (_, i) => addDays(firstDay, i)),
		providers: world.providers.map((p) => ({ id: p.id, name: p.name, credentials: p.credentials, template: p.template, ...(p.sees ? { sees: p.sees } : {}) })),
		types: world.appointmentTypes,
		rooms: world.clinic.rooms,
		patients: world.patients.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, established: p.established })),
		closedDays: world.clinic.closedDays
	};
}
