import { expect, type Page } from '@playwright/test';
import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input, MatchDecision } from '../../src/lib/engine/types';
import { MATCH_ACTIONS } from '../../src/lib/content/match-terms';
import { tabTo } from './billing';

type MatchStep = Extract<Interaction, { kind: 'match' }>;
const focusedRadio = (nameSuffix: string) => `document.activeElement?.type === 'radio' && document.activeElement.name.endsWith(${JSON.stringify(nameSuffix)})`;

/** Picks the n-th radio of the focused group by keyboard (none picked yet: Space takes the first, arrows move and pick). */
async function pickNth(page: Page, n: number) {
	expect(n, 'the value is on screen').toBeGreaterThanOrEqual(0);
	if (n === 0) await page.keyboard.press('Space');
	for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
}

/** Decides one set with the keyboard: what the charts are, the survivor of a merge, each field's value. */
export async function decideSet(page: Page, it: MatchStep, id: string, d: MatchDecision) {
	const p = it.block.pairs.find((x) => x.id === id)!;
	await tabTo(page, focusedRadio(`-${id}-action`), 200);
	await pickNth(page, MATCH_ACTIONS.indexOf(d.action as (typeof MATCH_ACTIONS)[number]));
	if (d.action === 'merge') {
		await tabTo(page, focusedRadio(`-${id}-survivor`));
		await pickNth(page, p.records.findIndex((r) => r.mrn === d.survivor));
	}
	for (const f of p.fixes) {
		await tabTo(page, focusedRadio(`-${id}-fix-${f.id}`));
		await pickNth(page, f.options.indexOf(d.fixes[f.id]!));
	}
}

/** Decides these sets (in the order shown), starting from the step's heading. */
export async function decideSets(page: Page, it: MatchStep, input: Input, ids: string[]) {
	if (input.kind !== 'match') throw new Error('not a match input');
	await page.locator('article.step h2').focus();
	for (const id of ids) await decideSet(page, it, id, input.pairs[id]!);
}
