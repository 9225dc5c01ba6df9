/**
 * Mock exams drawn to the NHA blueprint: CMAA by each domain's scored items (110 in all), CEHRS by
 * each domain's weight of its 100 scored items. Pure and seeded: the same seed draws the same exam.
 */
import { mix, shuffled } from '../engine/rng';

export interface BlueprintDomain {
	id: string;
	name: string;
	items?: number;
	weight?: number;
	competencies: { id: string }[];
}
export interface BlueprintFramework {
	id: string;
	scoredItems: number;
	domains: BlueprintDomain[];
}
export interface ExamItemRef {
	id: string;
	competency: string;
}

/**
 * Items per domain for an exam of `total` items (the framework's scored items by default), keeping
 * the blueprint's proportions. Weights and shorter exams use largest remainders, so the counts add up
 * exactly to the total.
 */
export function blueprintCounts(framework: BlueprintFramework, total = framework.scoredItems): Map<string, number> {
	const shares = framework.domains.map((d) => ({ id: d.id, share: d.items !== undefined ? d.items / framework.scoredItems : (d.weight ?? 0) }));
	const raw = shares.map((s) => ({ id: s.id, exact: s.share * total }));
	const counts = new Map(raw.map((r) => [r.id, Math.floor(r.exact + 1e-9)]));
	let left = total - [...counts.values()].reduce((n, c) => n + c, 0);
	for (const r of [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.id.localeCompare(b.id))) {
		if (left <= 0) break;
		counts.set(r.id, counts.get(r.id)! + 1);
		left--;
	}
	return counts;
}

export type DrawnExam = { ok: true; itemIds: string[]; counts: Map<string, number> } | { ok: false; error: string };

/** Draws an exam: the blueprint's count from each domain, no item twice, in a seeded order. */
export function drawExam(items: readonly ExamItemRef[], framework: BlueprintFramework, seed: number, total = framework.scoredItems): DrawnExam {
	const counts = blueprintCounts(framework, total);
	const domainOf = new Map(framework.domains.flatMap((d) => d.competencies.map((c) => [c.id, d.id] as const)));
	const pools = new Map<string, string[]>();
	for (const item of items) {
		const d = domainOf.get(item.competency);
		if (d) pools.set(d, [...(pools.get(d) ?? []), item.id]);
	}
	const short = framework.domains.filter((d) => (pools.get(d.id)?.length ?? 0) < counts.get(d.id)!);
	if (short.length)
		return { ok: false, error: `not enough items: ${short.map((d) => `${d.name} has ${pools.get(d.id)?.length ?? 0} of the ${counts.get(d.id)} needed`).join('; ')}` };
	const chosen = framework.domains.flatMap((d) => shuffled([...new Set(pools.get(d.id))], mix(seed, d.id)).slice(0, counts.get(d.id)));
	return { ok: true, itemIds: shuffled(chosen, mix(seed, 'order')), counts };
}
