import type { Component } from 'svelte';
import type { Interaction } from '$lib/content/schema/scenario';
import type { InteractionProps } from './types';
import Choice from './Choice.svelte';
import Dialogue from './Dialogue.svelte';
import MultiChoice from './MultiChoice.svelte';
import Triage from './Triage.svelte';
import Schedule from './Schedule.svelte';
import Code from './Code.svelte';
import Claim from './Claim.svelte';
import Remittance from './Remittance.svelte';
import Verify from './Verify.svelte';

/** The registry: one component per interaction kind. */
export const interactionComponents: { [K in Interaction['kind']]: Component<InteractionProps<K>> } = {
	choice: Choice,
	'multi-choice': MultiChoice,
	dialogue: Dialogue,
	triage: Triage,
	schedule: Schedule,
	code: Code,
	claim: Claim,
	remittance: Remittance,
	verify: Verify
};
