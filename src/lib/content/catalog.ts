import type { CompetencyFile } from './schema/competencies';
import type { Scenario, ScenarioKind } from './schema/scenario';

/** What the catalog shows about a scenario, without its text. */
export interface CatalogEntry {
	id: string;
	title: string;
	kind: ScenarioKind;
	difficulty: 1 | 2 | 3;
	minutes: number;
	summary: string;
	setting: string;
	competencies: string[];
	/** CMAA/CEHRS domain ids the scenario's competencies belong to. */
	domains: string[];
	decisions: number;
	hash: string;
	/** The scenario this one continues, when it is a later part of a story. */
	follows?: string;
}

export function catalogEntry(s: Scenario, framework: CompetencyFile): CatalogEntry {
	const domainOf = new Map(framework.frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const))));
	return {
		id: s.meta.id,
		title: s.meta.title,
		kind: s.meta.kind,
		difficulty: s.meta.difficulty,
		minutes: s.meta.minutes,
		summary: s.meta.summary,
		setting: s.meta.setting,
		competencies: s.meta.competencies,
		domains: [...new Set(s.meta.competencies.map((c) => domainOf.get(c)!).filter(Boolean))],
		decisions: s.stepOrder.filter((id) => s.steps[id]!.interaction).length,
		hash: s.hash,
		...(s.meta.follows ? { follows: s.meta.follows } : {})
	};
}

export const KIND_LABELS: Record<ScenarioKind, string> = {
	hipaa: 'HIPAA & privacy',
	communication: 'Communication',
	triage: 'Phone triage',
	scheduling: 'Scheduling',
	registration: 'Registration & insurance',
	coding: 'Coding',
	claims: 'Claims',
	payments: 'Payments & denials',
	records: 'Records'
};
