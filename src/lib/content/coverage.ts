/**
 * Which competencies the shipped scenarios practise: a competency counts when some decision of some
 * scenario gives evidence for it (an `evidence` map, or a grader rule's competency), not when a
 * scenario merely lists it. Pure.
 */
import type { Scenario } from './schema/scenario';

/** Every competency id found as evidence in the scenarios' steps. */
export function practisedCompetencies(scenarios: readonly Pick<Scenario, 'steps'>[], known: ReadonlySet<string>): Set<string> {
	const found = new Set<string>();
	const walk = (v: unknown, underEvidence: boolean): void => {
		if (Array.isArray(v)) return v.forEach((x) => walk(x, underEvidence));
		if (!v || typeof v !== 'object') {
			if (underEvidence && typeof v === 'string' && known.has(v)) found.add(v);
			return;
		}
		for (const [k, x] of Object.entries(v)) {
			if (underEvidence && known.has(k)) found.add(k);
			walk(x, underEvidence || k === 'evidence' || k === 'competency' || k === 'competencies' || k === 'scoring');
		}
	};
	for (const s of scenarios) walk(s.steps, false);
	return found;
}

/** The competencies of the frameworks no scenario decision practises, in framework order: the content check fails on any. */
export function unpractisedCompetencies(scenarios: readonly Pick<Scenario, 'steps'>[], frameworks: readonly { domains: readonly { competencies: readonly { id: string }[] }[] }[]): string[] {
	const all = frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => c.id)));
	const practised = practisedCompetencies(scenarios, new Set(all));
	return all.filter((c) => !practised.has(c));
}
