import type { ChartWorld } from '../content/world';
import type { Patient } from '../content/schema/office';

/** Whole years between a date of birth and the clinic's simulated today. */
export function ageOn(dob: string, today: string): number {
	const [by, bm, bd] = dob.split('-').map(Number);
	const [ty, tm, td] = today.split('-').map(Number);
	return ty! - by! - (tm! < bm! || (tm === bm && td! < bd!) ? 1 : 0);
}

/** Formats an ISO date the way a US front desk writes it: 03/07/1968. */
export function usDate(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${m}/${d}/${y}`;
}

export function patientName(p: Patient): string {
	return `${p.firstName} ${p.lastName}`;
}

export function resolveRef(value: string | undefined, variant: Readonly<Record<string, string>>, key: 'patient' | 'provider'): string | undefined {
	return value === `{{${key}}}` ? variant[key] : value;
}

/** Every value a scenario's {{placeholders}} may name, for one attempt's variant. */
export function worldBindings(
	world: ChartWorld,
	refs: { patient?: string; provider?: string },
	variant: Readonly<Record<string, string>>
): Record<string, string> {
	const out: Record<string, string> = { ...variant, 'clinic.name': world.clinic.name, 'clinic.phone': world.clinic.phone };
	const patient = world.patients.find((p) => p.id === resolveRef(refs.patient, variant, 'patient'));
	if (patient) {
		Object.assign(out, {
			'patient.firstName': patient.firstName,
			'patient.lastName': patient.lastName,
			'patient.name': patientName(patient),
			'patient.preferredName': patient.preferredName ?? patient.firstName,
			'patient.dob': usDate(patient.dob),
			'patient.phone': patient.phone,
			'patient.age': String(ageOn(patient.dob, world.clinic.today))
		});
	}
	const provider: ChartWorld['providers'][number] | undefined = world.providers.find((p) => p.id === resolveRef(refs.provider, variant, 'provider'));
	if (provider) Object.assign(out, { 'provider.name': `${provider.name}, ${provider.credentials}`, 'provider.lastName': provider.name.split(' ').at(-1)! });
	return out;
}

/** The scenario's patient for this attempt's variant, if it names one. */
export function scenarioPatient(world: ChartWorld, refs: { patient?: string }, variant: Readonly<Record<string, string>>): Patient | undefined {
	return world.patients.find((p) => p.id === resolveRef(refs.patient, variant, 'patient'));
}

/** Who the learner is talking to, as the feedback names them. */
export function counterpartName(patient: Patient | undefined, caller?: { name: string }): string {
	return patient ? (patient.preferredName ?? patient.firstName) : (caller?.name ?? 'The other person');
}

/** The chart as the office has it at a scenario's moment: the record, with the scenario's overrides. */
export function chartAsOf(patient: Patient, chart: { notes?: string; alerts?: string[]; coverage?: Patient['coverage']; lastVisit?: string } | undefined): Patient {
	if (!chart) return patient;
	return {
		...patient,
		...(chart.notes !== undefined ? { notes: chart.notes || undefined } : {}),
		...(chart.alerts !== undefined ? { alerts: chart.alerts } : {}),
		...(chart.coverage !== undefined ? { coverage: chart.coverage } : {}),
		...(chart.lastVisit !== undefined ? { lastVisit: chart.lastVisit } : {})
	};
}
