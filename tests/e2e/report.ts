import { expect, type Page } from '@playwright/test';
import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';
import { chooseOption, tabTo, typeOver } from './billing';

type ReportStep = Extract<Interaction, { kind: 'report' }>;
type ReportInput = Extract<Input, { kind: 'report' }>;
const focusedId = (suffix: string) => `document.activeElement?.id?.endsWith(${JSON.stringify(suffix)}) ?? false`;
const SELECTS = ['provider', 'sex', 'payer'];
const INPUTS: Record<string, string> = { from: '-from', to: '-to', ageMin: '-agemin', ageMax: '-agemax' };

/** Chooses the report, sets its filters and runs it, by keyboard alone from the step's heading. */
export async function runReportByKeyboard(page: Page, input: ReportInput) {
	await page.locator('article.step h2').focus();
	await tabTo(page, focusedId('-report'), 80);
	await chooseOption(page, input.report);
	for (const [name, value] of Object.entries(input.filters)) {
		if (!value) continue;
		await page.locator('article.step h2').focus();
		if (SELECTS.includes(name)) {
			await tabTo(page, focusedId(`-${name}`), 80);
			await chooseOption(page, value);
		} else {
			await tabTo(page, focusedId(INPUTS[name]!), 80);
			await typeOver(page, value);
		}
	}
	await tabTo(page, `document.activeElement?.textContent?.trim() === 'Run report'`, 80);
	await page.keyboard.press('Enter');
	await expect(page.locator('section.result table')).toBeVisible();
}

/** Answers these questions by keyboard: a figure typed, patients ticked, an option chosen with the arrows. */
export async function answerReport(page: Page, it: ReportStep, input: ReportInput, ids: string[]) {
	for (const id of ids) {
		const q = it.block.questions.find((x) => x.id === id)!;
		const a = input.answers[id]!;
		await page.locator('article.step h2').focus();
		if (q.type === 'number') {
			await tabTo(page, focusedId(`-q-${id}`), 200);
			await typeOver(page, a as string);
		} else if (q.type === 'patients') {
			const wanted = new Set(a as string[]);
			const names = it.block.context.patients.filter((p) => wanted.has(p.id)).map((p) => p.name.split(' ').reverse().join(', '));
			const shown = await page.locator(`[data-question="${id}"] label.option`).allTextContents();
			for (const label of shown.filter((t) => names.some((n) => t.trim().startsWith(`${n} ·`)))) {
				await tabTo(page, `document.activeElement?.type === 'checkbox' && !!document.activeElement.closest('[data-question=${JSON.stringify(id)}]') && document.activeElement.parentElement.textContent.trim() === ${JSON.stringify(label.trim())}`, 200);
				await page.keyboard.press('Space');
			}
		} else {
			await tabTo(page, `document.activeElement?.type === 'radio' && document.activeElement.name.endsWith(${JSON.stringify(`-q-${id}`)})`, 200);
			const index = q.options.findIndex((o) => o.id === a);
			if (index === 0) await page.keyboard.press('Space');
			else for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
		}
	}
}
