import type { ClinicWorld } from './world';
import type { IndexContext } from './schema/indexing';

/** The roster an index step searches (name and the second identifier, the date of birth), copied out of the clinic. */
export function indexContext(world: Pick<ClinicWorld, 'patients'>): IndexContext {
	return {
		patients: world.patients.map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, ...(p.preferredName ? { preferredName: p.preferredName } : {}), dob: p.dob }))
	};
}
