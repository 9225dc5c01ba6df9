import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { playToEnd } from './play';
import { scenario } from './content';

test('every page runs under the strict Content-Security-Policy with no violation', async ({ page }) => {
	test.setTimeout(120_000);
	const violations: string[] = [];
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __csp: string[] }).__csp ??= [];
			(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	page.on('console', (m) => {
		if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	const collect = async () => violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));

	const html = readFileSync('build/index.html', 'utf8');
	expect(html).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self' 'sha256-/);
	expect(html).not.toMatch(/unsafe-eval/);

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible();
	await collect();
	await page.goto('/play/hipaa-caller-says-spouse/');
	await playToEnd(page, scenario('hipaa-caller-says-spouse'));
	await collect();
	await page.getByRole('link', { name: 'See results and debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Step-by-step replay' })).toBeVisible();
	await collect();
	for (const [path, ready] of [
		['/progress/', 'Practise next'],
		['/progress/transcript/', 'Competency transcript'],
		['/learners/', 'Learners on this computer'],
		['/exam/', 'Readiness'],
		['/assign/', 'Build an assignment'],
		['/gradebook/', 'Gradebook'],
		['/author/', 'Write a scenario'],
		['/codes/', 'Code sets']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { name: ready }).first()).toBeVisible();
		await collect();
	}
	// Fetching a code set and drawing charts are allowed by the policy.
	await page.getByRole('searchbox').fill('E11.9');
	await expect(page.locator('tbody tr').first()).toContainText('E11.9');
	await page.goto('/progress/');
	await expect(page.locator('.chart canvas').first()).toBeVisible();
	await collect();
	expect(violations).toEqual([]);
});
