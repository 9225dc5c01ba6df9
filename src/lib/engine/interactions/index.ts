import type { Interaction, Scenario } from '../../content/schema/scenario';
import type { Grader } from './grader';
import { kindsOf } from '../../content/steps';
import { choice } from './choice';
import { dialogue } from './dialogue';
import { multiChoice } from './multi-choice';

type Kind = Interaction['kind'];
export type Graders = { [K in Kind]: Grader<K> };

/** Built in: small, and nearly every scenario has one of them. */
const builtIn = { choice, 'multi-choice': multiChoice, dialogue } satisfies Partial<Graders>;
type Loadable = Exclude<Kind, keyof typeof builtIn>;

/**
 * The registry: one chunk per heavier kind, fetched only when a scenario's steps use it (the schedule
 * book's and the billing rules are most of the engine), as the interaction components are. A new
 * kind adds one line here and one in `all.ts`.
 */
const loaders: { [K in Loadable]: () => Promise<Grader<K>> } = {
	triage: () => import('./triage').then((m) => m.triage),
	schedule: () => import('./schedule').then((m) => m.schedule),
	code: () => import('./code').then((m) => m.code),
	claim: () => import('./claim').then((m) => m.claim),
	remittance: () => import('./remittance').then((m) => m.remittance),
	verify: () => import('./verify').then((m) => m.verify),
	inbox: () => import('./inbox').then((m) => m.inbox),
	index: () => import('./index-documents').then((m) => m.index),
	match: () => import('./match').then((m) => m.match),
	audit: () => import('./audit').then((m) => m.audit),
	report: () => import('./report').then((m) => m.report)
};

const registered: Partial<Graders> = { ...builtIn };

/** Thrown when a step's kind has no grader loaded: a caller forgot `loadGraders`, never a wrong grade. */
export class GraderNotLoaded extends Error {
	constructor(readonly kind: string) {
		super(`the grader for "${kind}" steps is not loaded: await loadGraders(["${kind}"]) before starting, answering or replaying a scenario with such steps`);
		this.name = 'GraderNotLoaded';
	}
}

export function registerGraders(graders: Partial<Graders>): void {
	Object.assign(registered, graders);
}

/** Loads the graders for these kinds (each once; the built-in ones need nothing). */
export async function loadGraders(kinds: Iterable<Kind>): Promise<void> {
	const missing = [...new Set(kinds)].filter((k) => !Object.hasOwn(registered, k));
	const loaded = await Promise.all(
		missing.map((k) => {
			const load = Object.hasOwn(loaders, k) ? loaders[k as Loadable] : undefined;
			if (!load) throw new Error(`there is no grader for "${k}" steps`);
			return load();
		})
	);
	registerGraders(Object.fromEntries(missing.map((k, i) => [k, loaded[i]])));
}

/** Loads the graders every step of these scenarios needs. */
export const loadGradersFor = (scenarios: Iterable<Pick<Scenario, 'steps'>>): Promise<void> => loadGraders([...scenarios].flatMap(kindsOf));

export function graderFor<K extends Kind>(kind: K): Grader<K> {
	if (!Object.hasOwn(registered, kind)) throw new GraderNotLoaded(kind);
	return registered[kind] as Grader<K>;
}
