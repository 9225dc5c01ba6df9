import type { Component } from 'svelte';
import type { Interaction } from '$lib/content/schema/scenario';
import type { InteractionProps } from './types';

type Kind = Interaction['kind'];
export type InteractionComponents = { [K in Kind]?: Component<InteractionProps<K>> };

/**
 * The registry: one component per interaction kind, each its own chunk, so a scenario page fetches
 * only the kinds its steps use (the schedule book and the claim form are most of the player's code).
 */
const loaders: { [K in Kind]: () => Promise<{ default: Component<InteractionProps<K>> }> } = {
	choice: () => import('./Choice.svelte'),
	'multi-choice': () => import('./MultiChoice.svelte'),
	dialogue: () => import('./Dialogue.svelte'),
	triage: () => import('./Triage.svelte'),
	schedule: () => import('./Schedule.svelte'),
	code: () => import('./Code.svelte'),
	claim: () => import('./Claim.svelte'),
	remittance: () => import('./Remittance.svelte'),
	verify: () => import('./Verify.svelte'),
	inbox: () => import('./Inbox.svelte'),
	index: () => import('./Index.svelte'),
	match: () => import('./Match.svelte'),
	audit: () => import('./Audit.svelte'),
	report: () => import('./Report.svelte')
};

/** The components for these kinds, loaded together. */
export async function loadInteractions(kinds: Iterable<Kind>): Promise<InteractionComponents> {
	const wanted = [...new Set(kinds)];
	const modules = await Promise.all(wanted.map((k) => loaders[k]()));
	return Object.fromEntries(wanted.map((k, i) => [k, modules[i]!.default])) as InteractionComponents;
}
