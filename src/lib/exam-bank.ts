/**
 * The item bank as the exam pages use it, loaded on demand (never in the first page), with the
 * framework lookups every exam page needs.
 */
import type { Item } from './content/schema/questions';
import type { Framework } from './content/schema/competencies';
import type { Assignment } from './assign/assignment';
import type { ExamSession } from './db/types';
import type { ExamInput } from './lms/standing';

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

/**
 * How assignmentStanding scores an assignment's mock exam from these sessions, with the bank's keys:
 * one reading for the assignment page, the LMS launch page and xAPI reporting. Undefined when the
 * assignment has no exam, or this copy of the app does not have its framework.
 */
export async function assignmentExamInput(a: Pick<Assignment, 'exam'>, sessions: readonly ExamSession[], now = Date.now()): Promise<ExamInput | undefined> {
	if (!a.exam) return undefined;
	const { default: catalog } = await import('virtual:catalog');
	const framework = catalog.frameworks.find((f) => f.id === a.exam?.framework);
	if (!framework) return undefined;
	const b = await loadBank(catalog.frameworks);
	return { sessions, scoring: { items: b.byId, domainOf: b.domainOf, domainOrder: framework.domains.map((d) => d.id) }, now };
}
