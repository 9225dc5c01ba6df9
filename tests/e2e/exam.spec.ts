import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { content, scenario } from './content';
import { answer, focusedButton, keyOf, tabTo } from './exam-keys';
import { bestIntent, playToEnd } from './play';
import { bestOf } from '../../src/lib/engine/interactions/grader';

test('a short mock exam taken by keyboard: time and answers survive a reload, it is scored by domain, then reviewed with every rationale', async ({ page }) => {
	test.setTimeout(180_000);
	page.on('dialog', (d) => void d.accept());
	await page.goto('/exam/');
	await expect(page.getByRole('heading', { name: 'Readiness' })).toBeVisible();
	await page.getByRole('button', { name: 'Short mock exam (25 items)' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('timer')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	const ids: string[] = [];
	let right = 0;
	for (let i = 0; i < 25; i++) {
		const id = (await page.locator('article.item').getAttribute('data-item'))!;
		ids.push(id);
		// Right on even questions, the key's neighbour on odd ones.
		const key = keyOf(id);
		const letter = i % 2 === 0 ? key : 'abcd'[('abcd'.indexOf(key) + 1) % 4]!;
		if (letter === key) right++;
		await answer(page, letter);
		if (i === 3) {
			await tabTo(page, `document.activeElement?.type === 'checkbox'`);
			await page.keyboard.press('Space');
			// Answered, marked and unanswered differ by a mark and by name, not by colour alone.
			const q4 = page.getByRole('button', { name: 'Question 4, answered, marked for review' });
			await expect(q4).toHaveText('4✓⚑');
			await expect(page.getByRole('button', { name: 'Question 3, answered', exact: true })).toHaveText('3✓');
			await expect(page.getByRole('button', { name: 'Question 5, unanswered', exact: true })).toHaveText('5');
		}
		if (i === 11) {
			const before = Number(await page.getByRole('timer').getAttribute('data-remaining'));
			await page.waitForTimeout(1200);
			await page.reload();
			await expect(page.getByRole('timer')).toBeVisible();
			const after = Number(await page.getByRole('timer').getAttribute('data-remaining'));
			expect(after).toBeLessThan(before);
			expect(after).toBeGreaterThan(before - 60);
			await expect(page.locator('.navigator .legend')).toContainText('12 answered · 1 marked');
			// Reopened where the learner was, not at question 1.
			await expect(page.locator('article.item h2')).toHaveText('Question 12 of 25');
			await expect(page.locator('article.item')).toHaveAttribute('data-item', ids[11]!);
			await page.getByRole('button', { name: /^Question 13,/ }).focus();
			await page.keyboard.press('Enter');
			continue;
		}
		if (i < 24) {
			await tabTo(page, focusedButton('Next'));
			await page.keyboard.press('Enter');
		}
	}
	await expect(page.locator('.navigator .legend')).toContainText('25 answered · 1 marked · 0 left');
	await tabTo(page, focusedButton('Submit the exam'));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.locator('.score')).toContainText(`${right} of 25 right`);
	// Beside the raw count: the pass line and where this result likely puts the learner, with its range.
	await expect(page.locator('.outlook')).toContainText('The pass line is taken as about 70% right');
	await expect(page.locator('.outlook')).toHaveText(/likely share right on the real exam is \d+% \(likely between \d+% and \d+%\): about \d+% likely to reach the pass line/);
	const byDomain = page.locator('table[data-table="by-domain"] tbody tr');
	expect(await byDomain.count()).toBeGreaterThanOrEqual(5);

	await page.getByRole('button', { name: 'Review every item with its rationale' }).click();
	await expect(page.locator('article.item .why')).toHaveCount(4);
	await expect(page.locator('article.item .option.key')).toHaveCount(1);
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	// Misses became review cards, due now; readiness has evidence.
	await page.goto('/exam/');
	await expect(page.locator('[data-due]')).toHaveAttribute('data-due', String(25 - right));
	await expect(page.locator('[data-readiness]')).toBeVisible();
	// The review queue serves exactly those items back.
	await page.getByRole('button', { name: 'Review what is due' }).click();
	await expect(page.getByRole('heading', { name: /^Review: / })).toBeVisible();
	const first = (await page.locator('article.item').getAttribute('data-item'))!;
	expect(ids.filter((id, i) => i % 2 === 1 && ids.indexOf(id) === i)).toContain(first);
	await answer(page, keyOf(first));
	await page.getByRole('button', { name: 'Check the answer' }).click();
	await expect(page.locator('article.item .option.key')).toContainText('Right answer');
});

test('practice shows the rationale for every option after each answer', async ({ page }) => {
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Start practice' }).click();
	const id = (await page.locator('article.item').getAttribute('data-item'))!;
	await answer(page, keyOf(id));
	await page.getByRole('button', { name: 'Check the answer' }).click();
	await expect(page.locator('article.item .why')).toHaveCount(4);
	await expect(page.locator('article.item .option.key')).toContainText('Right answer');
	// The label says it is right; the rationale does not say "Right." again.
	const why = content().questions.find((q) => q.id === id)!.options.find((o) => o.id === keyOf(id))!.why;
	await expect(page.locator('article.item .option.key .why')).toHaveText(`Right answer: ${why.replace(/^Right\.\s*/, '')}`);
	await expect(page.locator('article.item .option.key .why')).not.toContainText('Right answer: Right.');
	await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a scenario decision the learner missed comes back in the review queue', async ({ page }) => {
	const s = scenario('hipaa-caller-says-spouse');
	await page.goto(`/play/${s.meta.id}/`);
	// The first decision answered with an option that is not the best, the rest at their best.
	const firstStep = s.meta.start;
	await playToEnd(page, s, (stepId, it) => {
		if (stepId === firstStep && it.kind === 'choice') return it.block.options.find((o) => !bestOf(it.block.options).includes(o.id))!.id;
		return bestIntent(it);
	});
	await page.goto('/exam/');
	await expect(page.locator('[data-due-steps]')).toBeVisible();
	await expect(page.locator('[data-due-steps] a')).toHaveText(s.meta.title);
	await expect(page.locator('[data-due-steps] a')).toHaveAttribute('href', `/play/${s.meta.id}/?new=1`);
});

test('a mock exam submits itself when time runs out, with the answers given so far', async ({ page }) => {
	await page.clock.install();
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Short mock exam (25 items)' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	const id = (await page.locator('article.item').getAttribute('data-item'))!;
	await answer(page, keyOf(id));
	// The short exam allows 31 minutes (25/110 of 2 h 15 min): jump past it.
	await page.clock.fastForward('32:00');
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.locator('.score')).toContainText('1 of 25 right');
	await expect(page.locator('.score')).toContainText('24 unanswered');
});

test('a mock exam warns at 10 and at 2 minutes left, on screen and to screen readers', async ({ page }) => {
	await page.clock.install();
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Short mock exam (25 items)' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	const warning = page.locator('[data-time-warning]');
	await expect(warning).toHaveAttribute('aria-live', 'polite');
	await expect(warning).toHaveText('');
	// The short exam allows 31 minutes: 10 minutes left comes after 21.
	await page.clock.fastForward('20:50');
	await expect(page.getByRole('timer')).toContainText('10:');
	await expect(warning).toHaveText('');
	await page.clock.fastForward('00:20');
	await expect(page.getByRole('status').filter({ hasText: 'Less than 10 minutes left' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await page.clock.fastForward('08:00');
	await expect(page.getByRole('status').filter({ hasText: 'Less than 2 minutes left' })).toBeVisible();
	await expect(warning).not.toContainText('10 minutes');
});

test('practice can target one competency', async ({ page }) => {
	await page.goto('/exam/');
	await page.getByLabel('Domain').selectOption({ index: 3 });
	const competency = page.getByLabel('Competency');
	await competency.selectOption({ index: 1 });
	const chosen = await competency.inputValue();
	await page.getByRole('button', { name: 'Start practice' }).click();
	const id = (await page.locator('article.item').getAttribute('data-item'))!;
	expect(content().questions.find((q) => q.id === id)!.competency).toBe(chosen);
});
