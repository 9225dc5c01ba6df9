import type { ClinicWorld } from './world';
import type { AuditBlock, AuditContext } from './schema/audit';

/**
 * The people an audit step's logs name (who opened or sent, with their role, and whose chart),
 * copied out of the clinic so the parsed scenario grades and replays alone. An unknown id is the
 * author's mistake, named with the row.
 */
export function auditContext(world: Pick<ClinicWorld, 'patients' | 'providers' | 'staff'>, block: AuditBlock): AuditContext | string {
	const users: AuditContext['users'] = [];
	const patients: AuditContext['patients'] = [];
	for (const row of block.rows) {
		const pt = world.patients.find((p) => p.id === row.patient);
		if (!pt) return `audit row "${row.id}" names unknown patient "${row.patient}" (see content/office/patients.yaml)`;
		if (!patients.some((p) => p.id === pt.id)) patients.push({ id: pt.id, name: `${pt.firstName} ${pt.lastName}`, dob: pt.dob });
		const staff = world.staff.find((s) => s.id === row.user);
		const prov = world.providers.find((p) => p.id === row.user);
		if (!staff && !prov) return `audit row "${row.id}" names unknown user "${row.user}" (see content/office/staff.yaml and providers.yaml)`;
		if (!users.some((u) => u.id === row.user))
			users.push(staff ? { id: staff.id, name: staff.name, role: staff.role } : { id: prov!.id, name: `${prov!.name}, ${prov!.credentials}`, role: `Provider (${prov!.specialty})` });
	}
	return { users, patients };
}
