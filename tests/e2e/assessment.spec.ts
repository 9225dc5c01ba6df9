import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { scenario } from './content';
import { answerByKeyboard, bestIntent } from './play';

/** A small authored scenario whose right answers give themselves away by their length. */
const giveaway = `---
id: custom-giveaway
title: "A call about results"
kind: hipaa
difficulty: 1
minutes: 5
summary: A caller asks for a relative's results; written with right answers that are far longer.
competencies: [cmaa.law.release-of-information, cmaa.communication.telephone]
start: one
---

## one: First
A woman calls for her husband's results.

\`\`\`choice
options:
  - id: no
    text: Read them.
    feedback: Not without his agreement (45 CFR 164.510(b)).
    evidence: { cmaa.law.release-of-information: 0/2 }
  - id: maybe
    text: Ask her why.
    feedback: Her reason does not make it permitted (45 CFR 164.510(b)).
    evidence: { cmaa.law.release-of-information: 0/2 }
  - id: yes
    text: Explain that you need his permission first, and offer to call him so he can give it or add her to his form.
    feedback: Right.
    evidence: { cmaa.law.release-of-information: 2/2 }
next: two
\`\`\`

## two: Second
She asks you to leave him a message.

\`\`\`choice
options:
  - id: a
    text: Say results came.
    feedback: That discloses a test (45 CFR 164.502(a)).
    evidence: { cmaa.communication.telephone: 0/2 }
  - id: b
    text: Say nothing.
    feedback: He should hear from you (45 CFR 164.510(b)).
    evidence: { cmaa.communication.telephone: 0/2 }
  - id: c
    text: Leave a message for him to call the clinic, with no details, at the number on his chart, and note the call.
    feedback: Right.
    evidence: { cmaa.communication.telephone: 2/2 }
next: three
\`\`\`

## three: Third
She thanks you.

\`\`\`choice
options:
  - id: a
    text: Hang up.
    feedback: Note the call first (45 CFR 164.530(j)).
    evidence: { cmaa.communication.telephone: 0/2 }
  - id: b
    text: Note the call in his record with who called, what was asked and what you said, then close politely.
    feedback: Right.
    evidence: { cmaa.communication.telephone: 2/2 }
  - id: c
    text: Transfer her.
    feedback: There is no one to transfer to (45 CFR 164.510(b)).
    evidence: { cmaa.communication.telephone: 0/2 }
next: end
\`\`\`

## debrief
Check the form before you say anything.
`;

test('the author page warns, on their lines, about right answers that give themselves away; the guide ships with the app', async ({ page }) => {
	await page.goto('/author/');
	await page.getByLabel('Scenario text').fill(giveaway);
	await page.getByRole('button', { name: 'Check it' }).click();
	// Each step's key is far longer than the rest, and the first one is also the only hedged option.
	await expect(page.getByRole('status')).toContainText('passes every check the build makes, with 4 warnings');
	const warnings = page.getByRole('list', { name: /Warnings/ });
	await expect(warnings.locator('li')).toHaveCount(4);
	// Warnings sit on the line where the step's block starts.
	const blockLine = giveaway.split('\n').findIndex((l) => l === '```choice') + 2;
	await expect(warnings.locator('li').first()).toContainText(`Line ${blockLine}: step "one": the right answer is much longer than every other option`);
	await expect(warnings.locator('li').nth(1)).toContainText('step "one": only the right answer is hedged');
	await expect(warnings.locator('li').nth(3)).toContainText('step "three": the right answer is much longer');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	await page.getByRole('link', { name: 'authoring guide' }).first().click();
	await expect(page).toHaveURL(/\/author\/guide\/$/);
	await expect(page.getByRole('heading', { name: 'Writing options that do not give the answer away' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /What a step is worth/ })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the schedule book knows the scenario's now: earlier slots are greyed out and named as past", async ({ page }) => {
	const s = scenario('scheduling-double-booked-slot');
	await page.goto(`/play/${s.meta.id}/`);
	for (let guard = 0; guard < 5; guard++) {
		const id = (await page.locator('article.step').getAttribute('data-step'))!;
		const step = s.steps[id]!;
		if (step.interaction!.kind === 'schedule') break;
		await answerByKeyboard(page, step.interaction!, bestIntent(step.interaction!));
		await expect(page.locator('article.step')).not.toHaveAttribute('data-step', id);
	}
	await expect(page.locator('[data-now]')).toContainText('It is 9:52 AM');
	const nine = page.locator('td.slot[data-time="09:00"]').first();
	await expect(nine).toHaveClass(/\bpast\b/);
	await expect(nine).toHaveAttribute('aria-label', /past/);
	await expect(page.locator('td.slot[data-time="10:00"]').first()).not.toHaveClass(/\bpast\b/);
	await nine.click();
	await expect(page.locator('.slot-panel [data-past]')).toContainText('has already passed');
});

test('the chart shows what the office knew that morning, not what the story later reveals', async ({ page }) => {
	await page.goto('/play/registration-coverage-ended-check-in/');
	const chart = page.getByRole('complementary', { name: 'Patient chart' });
	await expect(chart).toContainText('CHP310776452');
	await expect(chart).not.toContainText('terminated');
	await expect(chart).not.toContainText('Changed employers');
	await page.goto('/play/payments-denial-coverage-ended/');
	await expect(page.getByRole('complementary', { name: 'Patient chart' })).toContainText('terminated');
});

test("the mood meter names the person who is upset, and belongs to the conversation", async ({ page }) => {
	const s = scenario('hipaa-minor-confidential-visit');
	await page.goto(`/play/${s.meta.id}/`);
	// First the chart and the request: no conversation yet, so no meter.
	await expect(page.locator('article.step')).toHaveAttribute('data-step', 'rosa-asks');
	await expect(page.locator('.mood')).toHaveCount(0);
	const first = s.steps['rosa-asks']!.interaction!;
	await answerByKeyboard(page, first, bestIntent(first));
	await expect(page.locator('article.step')).toHaveAttribute('data-step', 'pushback');
	// Her daughter is the patient; the one whose mood moves is Rosa.
	await expect(page.locator('.mood')).toContainText("Rosa Ortiz's mood");
	await expect(page.getByRole('meter')).toBeVisible();
});
