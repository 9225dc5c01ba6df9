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
