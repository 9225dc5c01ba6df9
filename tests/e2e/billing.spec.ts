import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content, scenario } from './content';
import { answerByKeyboard, bestIntent } from './play';
import { codeSuperbill, fillClaim, postRemittance, reach, submitStep, verifyCoverage } from './billing';
import { billingKeyInput } from '../support/billing-key';

const BILLING = ['code', 'claim', 'remittance', 'verify'];
// A scenario that also has a schedule book (registration then booking) is worked by its own spec, which books too.
const revenueScenarios = () =>
	content().scenarios.filter((s) => Object.values(s.steps).some((st) => st.interaction && BILLING.includes(st.interaction.kind)) && !Object.values(s.steps).some((st) => st.interaction?.kind === 'schedule'));


for (const s of revenueScenarios())
	test(`${s.meta.id}: worked by keyboard alone with full marks, unsubmitted work surviving a reload`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto(`/play/${s.meta.id}/`);
		let reloaded = false;
		for (let guard = 0; guard < 20; guard++) {
			const stepEl = page.locator('article.step');
			await expect(stepEl).toBeVisible();
			const step = s.steps[(await stepEl.getAttribute('data-step'))!];
			if (!step?.interaction) break;
			const it = step.interaction;
			if (it.kind !== 'code' && it.kind !== 'claim' && it.kind !== 'remittance' && it.kind !== 'verify') {
				await answerByKeyboard(page, it, bestIntent(it));
				continue;
			}
			const input = billingKeyInput(it);
			if (input.kind === 'code') {
				if (!reloaded) {
					// Half the work, a reload, then the rest: the draft keeps the diagnoses.
					await codeSuperbill(page, input, { part: 'diagnoses' });
					await page.waitForTimeout(300);
					await page.reload();
					await expect(page.locator('ol.dx li')).toHaveCount(input.diagnoses.length);
					reloaded = true;
					await codeSuperbill(page, input, { part: 'lines' });
				} else await codeSuperbill(page, input);
			} else if (input.kind === 'claim') {
				await fillClaim(page, input.fields);
				if (!reloaded) {
					await page.waitForTimeout(300);
					await page.reload();
					await expect(page.locator('.claim-form [data-item="1a"] input')).toHaveValue(input.fields['1a']!);
					reloaded = true;
				}
			} else if (input.kind === 'remittance') await postRemittance(page, input);
			else if (input.kind === 'verify' && it.kind === 'verify') await verifyCoverage(page, it, input);
			await submitStep(page);
			await expect(page.locator('section.feedback'), `${step.id} earns full marks`).toHaveAttribute('data-verdict', 'best');
			await page.keyboard.press('Enter');
		}
		await expect(page.locator('article.ending .result')).toContainText('Passed');
	});

test('the code picker and the superbill have no axe violations, with the list of codes open', async ({ page }) => {
	const s = scenario('coding-visit-with-knee-injection');
	await page.goto(`/play/${s.meta.id}/`);
	await reach(page, s, 'code');
	const picker = page.getByRole('combobox', { name: 'Add a diagnosis' });
	await picker.fill('type 2 diabetes kidney');
	await expect(page.getByRole('option').first()).toBeVisible();
	// A header is listed but marked: telling headers from billable codes is the skill.
	await expect(page.getByRole('option', { name: /E11\.2 .*header, not billable/ })).toBeVisible();
	await expect(picker).toHaveAttribute('aria-expanded', 'true');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await picker.press('Enter');
	await expect(page.locator('ol.dx li')).toContainText('header, not billable');
});

test('the code picker lists the practice\'s common codes and synonyms first, and says how many more match', async ({ page }) => {
	const s = scenario('coding-visit-with-knee-injection');
	await page.goto(`/play/${s.meta.id}/`);
	await reach(page, s, 'code');
	const picker = page.getByRole('combobox', { name: 'Add a diagnosis' });
	await picker.fill('type 2 diabetes');
	await expect(page.getByRole('option').nth(0)).toBeVisible();
	const firstFive = await page.getByRole('option').evaluateAll((os) => os.slice(0, 5).map((o) => o.getAttribute('data-code')));
	expect(firstFive).toContain('E11.9');
	await expect(page.getByText(/Showing 50 of \d+ matches/)).toBeVisible();
	for (const [words, code] of [['high cholesterol', 'E78.5'], ['annual exam', 'Z00.00'], ['sore throat', 'J02.9'], ['flu vaccine', 'Z23']] as const) {
		await picker.fill(words);
		await expect(page.locator(`[role=option][data-code="${code}"]`), `${words} finds ${code}`).toBeVisible();
	}
});

test('the claim form has no axe violations and prints on one page', async ({ page }) => {
	const s = scenario('claims-complete-from-superbill');
	await page.goto(`/play/${s.meta.id}/`);
	const it = await reach(page, s, 'claim');
	const input = billingKeyInput(it as never);
	if (input.kind !== 'claim') throw new Error('claim step expected');
	await fillClaim(page, input.fields);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.claim-form')).toBeVisible();
	await expect(page.locator('.docs')).toBeHidden();
	await page.screenshot({ path: test.info().outputPath('claim-print.png'), fullPage: true });
	const pdf = (await page.pdf({ format: 'Letter', printBackground: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, 'the claim prints on one page').toBe(1);
});

test('the code sets page says where each list comes from and finds codes without loading them into the first page', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	await page.goto('/');
	expect(fetched.some((u) => u.includes('icd10cm'))).toBe(false);
	await expect(page.getByRole('link', { name: 'Code sets' })).toHaveAttribute('href', '/codes/');
	await page.goto('/codes/');
	await expect(page.getByRole('heading', { name: 'Code sets' })).toBeVisible();
	await expect(page.locator('.sources')).toContainText('FY2026');
	await expect(page.locator('.sources')).toContainText('October 2025');
	await page.getByRole('searchbox').fill('M54.5');
	await expect(page.locator('tbody tr').first()).toContainText('header: not billable');
	await expect(page.locator('tbody')).toContainText('M54.50');
	expect(fetched.some((u) => u.includes('icd10cm'))).toBe(true);
	// Words a patient says find the code a coder means, and the count says how much more there is.
	await page.getByRole('searchbox').fill('sore throat');
	await expect(page.locator('tbody tr').first()).toContainText('J02.9');
	await page.getByRole('searchbox').fill('type 2 diabetes');
	await expect(page.locator('tbody tr').first()).toContainText('E11.9');
	await expect(page.locator('.status')).toContainText(/Showing 100 of \d+ matches/);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
