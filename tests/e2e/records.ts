import { expect, type Page } from '@playwright/test';
import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { FiledDocument, Input } from '../../src/lib/engine/types';
import { chooseOption, tabTo, typeOver } from './billing';

type IndexStep = Extract<Interaction, { kind: 'index' }>;
const focusedId = (suffix: string) => `document.activeElement?.id?.endsWith(${JSON.stringify(suffix)}) ?? false`;
const focusedRadio = (nameSuffix: string) => `document.activeElement?.type === 'radio' && document.activeElement.name.endsWith(${JSON.stringify(nameSuffix)})`;
const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/** Files one page with the keyboard: search by name and date of birth, pick the patient, the type and the date; or set it aside. */
export async function fileDocument(page: Page, it: IndexStep, id: string, f: FiledDocument) {
	await tabTo(page, focusedRadio(`-${id}-how`), 120);
	if (f.misdirected) {
		await page.keyboard.press('ArrowDown');
		return;
	}
	await page.keyboard.press('Space');
	const p = it.block.context.patients.find((x) => x.id === f.patient)!;
	await tabTo(page, focusedId(`-${id}-name`));
	await typeOver(page, p.lastName);
	await tabTo(page, focusedId(`-${id}-dob`));
	await typeOver(page, us(p.dob));
	await tabTo(page, focusedRadio(`-${id}-patient`));
	await page.keyboard.press('Space');
	await expect(page.locator(`[data-document="${id}"] .chosen`)).toContainText(`${p.lastName}, ${p.firstName}`);
	await tabTo(page, focusedId(`-${id}-type`));
	await chooseOption(page, f.type);
	await tabTo(page, focusedId(`-${id}-date`));
	await typeOver(page, f.date);
}

/** Files these pages of the stack (in the order shown), starting from the step's heading. */
export async function fileStack(page: Page, it: IndexStep, input: Input, ids: string[]) {
	if (input.kind !== 'index') throw new Error('not an index input');
	await page.locator('article.step h2').focus();
	for (const id of ids) await fileDocument(page, it, id, input.filed[id]!);
}
