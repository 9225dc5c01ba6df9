import type { ClinicWorld } from './world';
import type { BillingContext, ClaimBlock, ClaimContext, CodeBlock, RemittanceBlock } from './schema/billing';

/** Copies the fee schedule and modifiers into a billing step, so it grades and replays on its own. */
export function billingContext(world: ClinicWorld, date: string | undefined, providerId: string | undefined): BillingContext {
	const p = world.providers.find((x) => x.id === providerId);
	return {
		fees: world.fees.map(({ code, description, category, fee, addOn }) => ({ code, description, category, fee, addOn })),
		modifiers: world.modifiers.map(({ code, meaning }) => ({ code, meaning })),
		date: date ?? world.clinic.today,
		...(p ? { provider: { id: p.id, name: p.name, credentials: p.credentials, npi: p.npi } } : {})
	};
}

export function codeContext(world: ClinicWorld, block: CodeBlock, provider: string | undefined): BillingContext {
	return billingContext(world, block.date, block.provider ?? provider);
}

/** The parties on a claim as the practice has them on file. Returns a message when they cannot be resolved. */
export function claimContext(world: ClinicWorld, block: ClaimBlock, refs: { patient?: string; provider?: string }): ClaimContext | string {
	const patient = world.patients.find((p) => p.id === (block.patient ?? refs.patient));
	if (!patient) return `the claim's patient "${block.patient ?? refs.patient ?? ''}" is not a clinic patient (claims need a fixed patient, not a variant)`;
	const provider = world.providers.find((p) => p.id === (block.provider ?? refs.provider));
	if (!provider) return `the claim's provider "${block.provider ?? refs.provider ?? ''}" is not a clinic provider`;
	const cov = patient.coverage[block.coverage];
	if (!cov) return `${patient.id} has no coverage number ${block.coverage} (0 is primary)`;
	const payer = world.payers.find((p) => p.id === cov.payer)!;
	const other = patient.coverage.find((_, i) => i !== block.coverage);
	const base = billingContext(world, block.date, provider.id);
	return {
		...base,
		patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName, dob: patient.dob, sex: patient.sex, address: patient.address, phone: patient.phone },
		coverage: { ...cov, payerName: payer.name, payerType: payer.type, planName: payer.plans.find((pl) => pl.id === cov.plan)?.name, secondary: block.coverage > 0 },
		...(other ? { otherCoverage: { ...other, payerName: world.payers.find((p) => p.id === other.payer)?.name ?? other.payer } } : {}),
		clinic: { name: world.clinic.name, address: world.clinic.address, phone: world.clinic.phone, npi: world.clinic.npi, taxId: world.clinic.taxId },
		provider: { id: provider.id, name: provider.name, credentials: provider.credentials, npi: provider.npi }
	};
}

export function remittanceContext(world: ClinicWorld, block: RemittanceBlock, refs: { patient?: string }): { patientName: string; payerName: string } {
	const patient = world.patients.find((p) => p.id === (block.patient ?? refs.patient));
	return {
		patientName: patient ? `${patient.firstName} ${patient.lastName}` : '',
		payerName: world.payers.find((p) => p.id === block.payer)?.name ?? block.payer
	};
}
