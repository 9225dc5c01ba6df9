import { z } from '../zod';
import { AppointmentType, Clinic, FeeLine, Modifier, Patient, Payer, Provider, StaffMember } from './schema/office';
import { CompetencyFile } from './schema/competencies';
import type { ContentError } from './errors';
import { parseYaml } from './yaml';
import { isValidNpi } from '../office/npi';

export const OFFICE_FILES = {
	clinic: { path: 'content/office/clinic.yaml', schema: Clinic },
	providers: { path: 'content/office/providers.yaml', schema: z.strictObject({ providers: z.array(Provider).min(1) }) },
	staff: { path: 'content/office/staff.yaml', schema: z.strictObject({ staff: z.array(StaffMember).min(1) }) },
	payers: { path: 'content/office/payers.yaml', schema: z.strictObject({ payers: z.array(Payer).min(1) }) },
	patients: { path: 'content/office/patients.yaml', schema: z.strictObject({ patients: z.array(Patient).min(1) }) },
	appointmentTypes: { path: 'content/office/appointment-types.yaml', schema: z.strictObject({ appointmentTypes: z.array(AppointmentType).min(1) }) },
	fees: { path: 'content/office/fee-schedule.yaml', schema: z.strictObject({ fees: z.array(FeeLine).min(1) }) },
	modifiers: { path: 'content/codesets/modifiers.yaml', schema: z.strictObject({ modifiers: z.array(Modifier).min(1) }) }
} as const;
export const COMPETENCIES_FILE = 'content/competencies.yaml';

/** The fictional clinic every scenario happens in. Plain JSON. */
export interface ClinicWorld {
	clinic: Clinic;
	providers: Provider[];
	staff: StaffMember[];
	payers: Payer[];
	patients: Patient[];
	appointmentTypes: AppointmentType[];
	fees: FeeLine[];
	modifiers: Modifier[];
}

/**
 * What the player's chart panel and {{placeholders}} read of the clinic (interaction steps carry their
 * own context): its name, phone and simulated today; each provider's name and credentials; each
 * payer's and plan's name. Every scenario page loads it (`virtual:chart-world`, 0.7 KB gzip; the
 * providers' templates, payers' rules, rooms and policy binder are elsewhere), so a field the page
 * starts reading must be added here and to `chartWorldOf`.
 */
export interface ChartWorld {
	clinic: Pick<ClinicWorld['clinic'], 'name' | 'phone' | 'today'>;
	providers: Pick<Provider, 'id' | 'name' | 'credentials'>[];
	payers: (Pick<Payer, 'id' | 'name'> & { plans: Pick<Payer['plans'][number], 'id' | 'name'>[] })[];
	patients: Patient[];
}

/** The chart's fields of the clinic (the patients come per scenario), each object holding only them. */
export function chartWorldOf(world: Omit<ClinicWorld, 'patients'>): Omit<ChartWorld, 'patients'> {
	const { name, phone, today } = world.clinic;
	return {
		clinic: { name, phone, today },
		providers: world.providers.map(({ id, name, credentials }) => ({ id, name, credentials })),
		payers: world.payers.map(({ id, name, plans }) => ({ id, name, plans: plans.map(({ id, name }) => ({ id, name })) }))
	};
}

type Files = Readonly<Record<string, string>>;

function lineOf(text: string, needle: string): number {
	const i = text.indexOf(needle);
	return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

export function loadCompetencies(files: Files): { value?: CompetencyFile; errors: ContentError[] } {
	const text = files[COMPETENCIES_FILE];
	if (text === undefined) return { errors: [{ file: COMPETENCIES_FILE, line: 1, message: 'file is missing' }] };
	const parsed = parseYaml(text, CompetencyFile, COMPETENCIES_FILE);
	if (!parsed.value) return parsed;
	const errors: ContentError[] = [];
	const seen = new Set<string>();
	for (const fw of parsed.value.frameworks) {
		for (const d of fw.domains) {
			if (!d.id.startsWith(`${fw.id}.`)) errors.push({ file: COMPETENCIES_FILE, line: lineOf(text, `id: ${d.id}`), message: `domain "${d.id}" must start with its framework id "${fw.id}."` });
			for (const id of [d.id, ...d.competencies.map((c) => c.id)]) {
				if (seen.has(id)) errors.push({ file: COMPETENCIES_FILE, line: lineOf(text, `id: ${id}`), message: `duplicate id "${id}"` });
				seen.add(id);
			}
			for (const c of d.competencies)
				if (!c.id.startsWith(`${d.id}.`)) errors.push({ file: COMPETENCIES_FILE, line: lineOf(text, `id: ${c.id}`), message: `competency "${c.id}" must start with its domain id "${d.id}."` });
		}
		const items = fw.domains.reduce((n, d) => n + (d.items ?? 0), 0);
		const weight = fw.domains.reduce((n, d) => n + (d.weight ?? 0), 0);
		if (items > 0 && items !== fw.scoredItems) errors.push({ file: COMPETENCIES_FILE, line: lineOf(text, `id: ${fw.id}`), message: `${fw.id}: domain items add up to ${items}, not the ${fw.scoredItems} scored items` });
		if (weight > 0 && Math.abs(weight - 1) > 1e-9) errors.push({ file: COMPETENCIES_FILE, line: lineOf(text, `id: ${fw.id}`), message: `${fw.id}: domain weights add up to ${weight}, not 1` });
	}
	return errors.length ? { errors } : parsed;
}

export function loadWorld(files: Files): { value?: ClinicWorld; errors: ContentError[] } {
	const errors: ContentError[] = [];
	const out: Partial<Record<keyof typeof OFFICE_FILES, unknown>> = {};
	for (const [key, { path, schema }] of Object.entries(OFFICE_FILES) as [keyof typeof OFFICE_FILES, (typeof OFFICE_FILES)[keyof typeof OFFICE_FILES]][]) {
		const text = files[path];
		if (text === undefined) {
			errors.push({ file: path, line: 1, message: 'file is missing' });
			continue;
		}
		const parsed = parseYaml(text, schema as z.ZodType, path);
		errors.push(...parsed.errors);
		out[key] = key === 'clinic' ? parsed.value : (parsed.value as Record<string, unknown> | undefined)?.[key];
	}
	if (errors.length) return { errors };
	const world = out as unknown as ClinicWorld;

	// Cross-references inside the world.
	const err = (key: keyof typeof OFFICE_FILES, needle: string, message: string) => {
		const path = OFFICE_FILES[key].path;
		errors.push({ file: path, line: lineOf(files[path]!, needle), message });
	};
	const ids = new Set<string>();
	for (const [key, list] of [['providers', world.providers], ['staff', world.staff], ['payers', world.payers], ['patients', world.patients], ['appointmentTypes', world.appointmentTypes]] as const) {
		for (const item of list) {
			if (ids.has(item.id)) err(key, `id: ${item.id}`, `duplicate id "${item.id}"`);
			ids.add(item.id);
		}
	}
	if (!isValidNpi(world.clinic.npi)) err('clinic', world.clinic.npi, `clinic NPI ${world.clinic.npi} fails the check digit`);
	for (const p of world.providers) if (!isValidNpi(p.npi)) err('providers', p.npi, `${p.id}: NPI ${p.npi} fails the check digit`);
	const providerIds = new Set(world.providers.map((p) => p.id));
	const typeIds = new Set(world.appointmentTypes.map((t) => t.id));
	for (const p of world.providers) for (const t of p.sees ?? []) if (!typeIds.has(t)) err('providers', `id: ${p.id}`, `${p.id}: sees unknown appointment type "${t}"`);
	const payers = new Map(world.payers.map((p) => [p.id, p]));
	for (const pt of world.patients) {
		if (!providerIds.has(pt.pcp)) err('patients', `id: ${pt.id}`, `${pt.id}: unknown pcp "${pt.pcp}"`);
		for (const c of pt.coverage) {
			const payer = payers.get(c.payer);
			if (!payer) err('patients', `id: ${pt.id}`, `${pt.id}: unknown payer "${c.payer}"`);
			else if (c.plan && !payer.plans.some((pl) => pl.id === c.plan)) err('patients', `id: ${pt.id}`, `${pt.id}: payer "${c.payer}" has no plan "${c.plan}"`);
		}
	}
	const codes = new Set<string>();
	for (const f of world.fees) {
		if (codes.has(f.code)) err('fees', `code: "${f.code}"`, `duplicate fee schedule code ${f.code}`);
		codes.add(f.code);
	}
	return errors.length ? { errors } : { value: world, errors };
}

/**
 * The patients a scenario's page carries (in its own module): the ones its front matter names (its
 * patient, each variant's), which are all the player reads (the chart panel, the placeholders). A
 * patient a step shows (a book's appointments, an index's roster) comes with that step's own context,
 * as ids and names; whole records for them would ride in every schedule scenario's module.
 */
export function scenarioPatientsOf<P extends { id: string }>(scenario: { meta: unknown }, patients: readonly P[]): P[] {
	const named = JSON.stringify(scenario.meta);
	return patients.filter((p) => named.includes(JSON.stringify(p.id)));
}
