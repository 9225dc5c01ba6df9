import { expect, type Page } from '@playwright/test';
import { tabTo } from './billing';
import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { InboxDecision } from '../../src/lib/engine/types';

export type InboxStep = Extract<Interaction, { kind: 'inbox' }>;

const focusedLabel = (label: string) => `document.activeElement?.getAttribute('aria-label') === ${JSON.stringify(label)}`;

/** Picks a value in the focused select with the keyboard: Home, then arrow down to it. */
async function chooseOption(page: Page, value: string) {
	const index = await page.evaluate((v) => [...(document.activeElement as HTMLSelectElement).options].findIndex((o) => o.value === v), value);
	expect(index, `option ${value} exists`).toBeGreaterThanOrEqual(0);
	await page.keyboard.press('Home');
	for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}

/** Routes the items shown on screen (from `from` up to `to`) by keyboard alone. */
export async function routeItems(page: Page, it: InboxStep, items: Record<string, InboxDecision>, from = 0, to = Infinity) {
	await page.locator('article.step h2').focus();
	const ids = (await page.locator('[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')!))).slice(from, to);
	for (const id of ids) {
		const subject = it.block.items.find((i) => i.id === id)!.subject;
		const d = items[id]!;
		await tabTo(page, focusedLabel(`Route: ${subject}`), 200);
		await chooseOption(page, d.route);
		await tabTo(page, focusedLabel(`Priority: ${subject}`));
		await chooseOption(page, d.priority);
		if (d.reply) {
			await tabTo(page, focusedLabel(`Portal reply: ${subject}`));
			await chooseOption(page, d.reply);
		}
	}
	return ids;
}

