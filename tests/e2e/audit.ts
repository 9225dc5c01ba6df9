import type { Page } from '@playwright/test';
import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { AuditFinding, Input } from '../../src/lib/engine/types';
import { NOTIFY_PARTIES, RISK_FACTORS } from '../../src/lib/content/audit-terms';
import { chooseOption, tabTo, typeOver } from './billing';

type AuditStep = Extract<Interaction, { kind: 'audit' }>;
const focusedId = (suffix: string) => `document.activeElement?.id?.endsWith(${JSON.stringify(suffix)}) ?? false`;

/** Judges one row with the keyboard: the verdict and why, then the exception, the four factors, the conclusion, who is told and by when. */
export async function judgeRow(page: Page, id: string, f: AuditFinding) {
	await tabTo(page, focusedId(`-${id}-verdict`), 200);
	await chooseOption(page, f.verdict);
	if (f.verdict === 'appropriate') return;
	await tabTo(page, focusedId(`-${id}-reason`));
	await chooseOption(page, f.reason);
	await tabTo(page, focusedId(`-${id}-exception`));
	await chooseOption(page, f.exception);
	if (f.exception === 'none')
		for (const factor of RISK_FACTORS) {
			await tabTo(page, focusedId(`-${id}-factor-${factor}`));
			await chooseOption(page, f.factors[factor]!);
		}
	await tabTo(page, focusedId(`-${id}-conclusion`));
	await chooseOption(page, f.conclusion);
	if (f.conclusion !== 'breach') return;
	// The boxes come in the form's order, whatever order the working lists them in.
	for (const party of NOTIFY_PARTIES.filter((p) => f.notify.includes(p))) {
		await tabTo(page, focusedId(`-${id}-notify-${party}`));
		await page.keyboard.press('Space');
	}
	await tabTo(page, focusedId(`-${id}-deadline`));
	await typeOver(page, f.deadline);
}

/** Judges these rows (in the order shown), starting from the step's heading. */
export async function judgeRows(page: Page, _it: AuditStep, input: Input, ids: string[]) {
	if (input.kind !== 'audit') throw new Error('not an audit input');
	await page.locator('article.step h2').focus();
	for (const id of ids) await judgeRow(page, id, input.rows[id]!);
}
