import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content';
import { chartWorldOf, scenarioPatientsOf } from '../../src/lib/content/world';
import { scenarioPatient, worldBindings } from '../../src/lib/office/bindings';
import { readContentFiles } from '../../scripts/read-content';

// A scenario page loads only the chart's fields of the clinic (`virtual:chart-world`); what the
// player fills in from it must be what the whole clinic gives, for every shipped scenario and variant.
const c = loadContent(readContentFiles()).content!;

describe('the chart world a scenario page loads', () => {
	const clinic = chartWorldOf(c.world);

	it('fills every shipped scenario\'s placeholders as the whole clinic does, in every variant, from the patients its module carries', () => {
		let checked = 0;
		for (const s of c.scenarios)
			for (const variant of s.meta.variants ?? [{}]) {
				const chart = { ...clinic, patients: scenarioPatientsOf(s, c.world.patients) };
				expect(worldBindings(chart, s.meta, variant), s.meta.id).toEqual(worldBindings(c.world, s.meta, variant));
				expect(scenarioPatient(chart, s.meta, variant), s.meta.id).toEqual(scenarioPatient(c.world, s.meta, variant));
				checked++;
			}
		expect(checked).toBeGreaterThan(50);
		// The placeholders above name a provider somewhere, so the check reaches the providers' part.
		expect(c.scenarios.some((s) => 'provider.name' in worldBindings({ ...clinic, patients: [] }, s.meta, s.meta.variants?.[0] ?? {}))).toBe(true);
	});

	it('carries the patients a scenario\'s front matter names, not the whole roster its book lets the learner search', () => {
		const booked = c.scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction?.kind === 'schedule'));
		expect(booked.length).toBeGreaterThan(5);
		for (const s of booked) expect(scenarioPatientsOf(s, c.world.patients).length, s.meta.id).toBeLessThanOrEqual(Math.max(1, s.meta.variants?.length ?? 0));
		// A scenario about one patient carries that patient.
		const one = c.scenarios.find((s) => s.meta.patient && !s.meta.patient.startsWith('{{'))!;
		expect(scenarioPatientsOf(one, c.world.patients).map((p) => p.id)).toEqual([one.meta.patient]);
	});

	it('holds only the names and ids the chart panel shows, not the clinic\'s templates, rules or binder', () => {
		const world = chartWorldOf(c.world);
		expect(Object.keys(world.clinic).sort()).toEqual(['name', 'phone', 'today']);
		expect(world.providers.map((p) => p.id)).toEqual(c.world.providers.map((p) => p.id));
		expect(world.payers.map((p) => p.plans.length)).toEqual(c.world.payers.map((p) => p.plans.length));
		expect(JSON.stringify(world)).not.toContain('"template"');
		expect(JSON.stringify(world).length).toBeLessThan(JSON.stringify(c.world.providers).length / 4);
	});
});
