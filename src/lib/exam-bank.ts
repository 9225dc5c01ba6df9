/**
 * The item bank as the exam pages use it, loaded on demand (never in the first page), with the
 * framework lookups every exam page needs.
 */
import type { Item } from './content/schema/questions';
import type { Framework } from './content/schema/competencies';

export interface Bank {
	items: Item[];
	byId: Map<string, Item>;
	/** competency id → domain id, across frameworks. */
	domainOf: (competency: string) => string | undefined;
	frameworkOf: (competency: string) => string | undefined;
}

let bank: Promise<Bank> | undefined;

export function loadBank(frameworks: readonly Framework[]): Promise<Bank> {
	bank ??= import('virtual:questions').then(({ default: items }) => {
		const domain = new Map(frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const))));
		const fw = new Map(frameworks.flatMap((f) => f.domains.flatMap((d) => d.competencies.map((c) => [c.id, f.id] as const))));
		return { items, byId: new Map(items.map((i) => [i.id, i])), domainOf: (c) => domain.get(c), frameworkOf: (c) => fw.get(c) };
	});
	return bank;
}

/** Each domain's share of its exam: CMAA scored items over 110, CEHRS weights. */
export function domainShares(framework: Framework): Map<string, number> {
	return new Map(framework.domains.map((d) => [d.id, d.items !== undefined ? d.items / framework.scoredItems : (d.weight ?? 0)]));
}
