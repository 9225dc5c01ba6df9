import { expect, type Page } from '@playwright/test';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';
import { answerByKeyboard, bestIntent } from './play';
import { billingKeyInput } from '../support/billing-key';
import type { Input } from '../../src/lib/engine/types';

/** Presses Tab until the predicate (a JS expression over document.activeElement) holds. */
export async function tabTo(page: Page, predicate: string, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(predicate)) return;
	}
	throw new Error(`keyboard focus never reached: ${predicate}`);
}

const focusedLabel = (label: string) => `document.activeElement?.getAttribute('aria-label') === ${JSON.stringify(label)}`;
const focusedCombobox = (label: string) =>
	`document.activeElement?.getAttribute('role') === 'combobox' && document.activeElement.labels?.[0]?.textContent.trim() === ${JSON.stringify(label)}`;

/** Replaces the focused field's text by typing, as a person would. */
export async function typeOver(page: Page, value: string) {
	await page.keyboard.press('Control+A');
	if (value === '') await page.keyboard.press('Delete');
	else await page.keyboard.type(value);
}

/** Picks a code in the focused picker: type it, arrow to the exact match, Enter. */
async function pickCode(page: Page, code: string) {
	await page.keyboard.type(code);
	const list = page.locator('[role="listbox"]:visible');
	await expect(list.locator(`[data-code="${code}"]`)).toBeVisible();
	for (let i = 0; i < 60; i++) {
		const active = await page.evaluate(() => {
			const id = document.activeElement?.getAttribute('aria-activedescendant');
			return id ? document.getElementById(id)?.getAttribute('data-code') : null;
		});
		if (active === code) break;
		await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Enter');
	await expect(list).toHaveCount(0);
}

/** Chooses an option of the focused closed select with arrow keys. */
export async function chooseOption(page: Page, value: string) {
	const index = await page.evaluate((v) => [...(document.activeElement as HTMLSelectElement).options].findIndex((o) => o.value === v), value);
	expect(index, `option ${value} exists`).toBeGreaterThanOrEqual(0);
	await page.keyboard.press('Home');
	for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}

/** Works a superbill with the keyboard alone: diagnoses, lines, modifiers, units and pointers. */
export async function codeSuperbill(page: Page, input: Extract<Input, { kind: 'code' }>, opts: { part?: 'diagnoses' | 'lines' | 'all' } = {}) {
	const part = opts.part ?? 'all';
	await page.locator('article.step h2').focus();
	if (part !== 'lines') {
		await tabTo(page, focusedCombobox('Add a diagnosis'));
		for (const d of input.diagnoses) await pickCode(page, d);
		if (part === 'diagnoses') return;
	}
	await tabTo(page, focusedCombobox('Add a service'));
	for (const l of input.lines) await pickCode(page, l.code);
	for (const [i, l] of input.lines.entries()) {
		await tabTo(page, focusedLabel(`Line ${i + 1} (${l.code}) modifiers`));
		await typeOver(page, l.modifiers.join(' '));
		await tabTo(page, focusedLabel(`Line ${i + 1} (${l.code}) units`));
		await typeOver(page, String(l.units));
		await tabTo(page, focusedLabel(`Line ${i + 1} (${l.code}) diagnosis pointer letters`));
		await typeOver(page, l.pointers);
	}
}

/** Fills every claim item that differs from what is on the form, in reading order, by keyboard. */
export async function fillClaim(page: Page, fields: Record<string, string>) {
	await page.locator('article.step h2').focus();
	const order = await page.locator('.claim-form [data-item]').evaluateAll((els) =>
		els.map((e) => ({ path: e.getAttribute('data-item')!, value: (e.querySelector('input, select') as HTMLInputElement).value, select: !!e.querySelector('select') }))
	);
	for (const f of order) {
		const want = fields[f.path] ?? '';
		if (want.toUpperCase() === f.value.toUpperCase()) continue;
		await tabTo(page, `document.activeElement?.closest('[data-item]')?.getAttribute('data-item') === ${JSON.stringify(f.path)}`, 120);
		if (f.select) await chooseOption(page, want);
		else await typeOver(page, want);
	}
}

export async function postRemittance(page: Page, input: Extract<Input, { kind: 'remittance' }>) {
	await page.locator('article.step h2').focus();
	for (const [i, l] of input.lines.entries()) {
		for (const [label, value] of [['insurance payment', l.payment], ['write-off', l.adjustment], ['patient responsibility', l.patient]] as const) {
			await tabTo(page, focusedLabel(`Line ${i + 1} ${label}`));
			await typeOver(page, value);
		}
	}
	await tabTo(page, `document.activeElement?.closest('label')?.textContent.includes('Patient balance') ?? false`);
	await typeOver(page, input.balance);
}

export async function verifyCoverage(page: Page, interaction: Extract<Interaction, { kind: 'verify' }>, input: Extract<Input, { kind: 'verify' }>) {
	await page.locator('article.step h2').focus();
	const rows = await page.locator('[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')!));
	for (const id of rows) {
		const label = interaction.block.rows.find((r) => r.id === id)!.label;
		await tabTo(page, focusedLabel(`What you do about ${label}`));
		await chooseOption(page, input.actions[id]!);
	}
	await tabTo(page, `document.activeElement?.closest('label')?.textContent.includes('Amount to collect') ?? false`);
	await typeOver(page, input.collect);
}

/** Submits the step with the keyboard and waits for the feedback. */
export async function submitStep(page: Page) {
	await tabTo(page, `document.activeElement?.type === 'submit'`, 200);
	await page.keyboard.press('Enter');
	await expect(page.locator('section.feedback')).toBeVisible();
}

/**
 * Answers steps with the best answers (a superbill coded with its key) until the first step of `kind`
 * is on screen, and returns that step's interaction.
 */
export async function reach(page: Page, s: Scenario, kind: string) {
	for (let guard = 0; guard < 20; guard++) {
		const stepEl = page.locator('article.step');
		await expect(stepEl).toBeVisible();
		const step = s.steps[(await stepEl.getAttribute('data-step'))!]!;
		if (step.interaction?.kind === kind) return step.interaction;
		if (step.interaction?.kind === 'code') {
			const input = billingKeyInput(step.interaction as never);
			if (input.kind !== 'code') throw new Error('code input expected');
			await codeSuperbill(page, input);
			await page.getByRole('button', { name: /^Submit/ }).click();
			await page.getByRole('button', { name: /^Continue/ }).click();
			continue;
		}
		await answerByKeyboard(page, step.interaction!, bestIntent(step.interaction!));
	}
	throw new Error(`no ${kind} step reached`);
}
