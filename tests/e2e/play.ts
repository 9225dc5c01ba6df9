import { expect, type Frame, type Page } from '@playwright/test';
import type { Interaction, Scenario } from '../../src/lib/content/schema/scenario';
import { bestOf } from '../../src/lib/engine/interactions/grader';

/** What the learner means to do at a step: an option/reply id, a set of ids, placements or an order. */
export type Intent = string | string[] | Record<string, string>;

/** The best answer at a step, from the content itself. */
export function bestIntent(interaction: Interaction): Intent {
	switch (interaction.kind) {
		case 'choice':
			return bestOf(interaction.block.options)[0]!;
		case 'dialogue':
			return bestOf(interaction.block.replies)[0]!;
		case 'multi-choice':
			return interaction.block.options.filter((o) => o.correct).map((o) => o.id);
		case 'triage':
			return interaction.block.mode === 'classify'
				? Object.fromEntries(interaction.block.items.map((i) => [i.id, i.category!]))
				: interaction.block.items.map((i) => i.id);
		case 'schedule':
			throw new Error('a schedule step has no single best answer: the test must script its bookings');
		default:
			throw new Error(`${interaction.kind} steps are worked with the billing helpers`);
	}
}

/** The keyboard is the page's; what it reaches is read in `at`, the frame the app runs in (the page itself, or an LMS's frame). */
async function tabTo(page: Page, predicate: string, max = 40, at: Page | Frame = page) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await at.evaluate(predicate)) return;
	}
	throw new Error(`keyboard focus never reached: ${predicate}`);
}

/** Answers the current step with the keyboard only: Tab, arrow keys, Space and Enter. */
/** With `feedbackHeld` (an assignment that shows feedback only at the end) the answer is saved and nothing about it shows. */
export async function answerByKeyboard(page: Page, interaction: Interaction, intent: Intent, at: Page | Frame = page, { feedbackHeld = false } = {}) {
	const tabUntil = (p: Page, predicate: string, max?: number) => tabTo(p, predicate, max, at);
	const step = at.locator('article.step');
	await expect(step).toBeVisible();
	await step.locator('h2').focus();
	if (interaction.kind === 'choice' || interaction.kind === 'dialogue') {
		const ids = await step.locator('[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
		const index = ids.indexOf(intent as string);
		expect(index, `option ${intent} is on screen`).toBeGreaterThanOrEqual(0);
		await tabUntil(page, `document.activeElement?.type === 'radio'`);
		if (index === 0) await page.keyboard.press('Space');
		for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
	} else if (interaction.kind === 'multi-choice') {
		const ids = await step.locator('[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));
		const wanted = new Set(intent as string[]);
		for (const id of ids) {
			await tabUntil(page, `document.activeElement?.type === 'checkbox' && document.activeElement.closest('[data-option]')?.getAttribute('data-option') === ${JSON.stringify(id)}`);
			if (wanted.has(id)) await page.keyboard.press('Space');
		}
	} else if (interaction.kind === 'schedule') {
		throw new Error('schedule steps are worked with workSchedule()');
	} else if (interaction.kind === 'code' || interaction.kind === 'claim' || interaction.kind === 'remittance' || interaction.kind === 'verify') {
		throw new Error(`${interaction.kind} steps are worked with the billing helpers`);
	} else if (interaction.kind === 'inbox') {
		throw new Error('inbox steps are worked with workInbox()');
	} else if (interaction.kind === 'index') {
		throw new Error('index steps are worked with workIndex()');
	} else if (interaction.kind === 'match') {
		throw new Error('match steps are worked with workMatch()');
	} else if (interaction.kind === 'audit') {
		throw new Error('audit steps are worked with judgeRows() (tests/e2e/records-audit.spec.ts)');
	} else if (interaction.kind === 'report') {
		throw new Error('report steps are worked with workReport()');
	} else if (interaction.block.mode === 'classify') {
		const placements = intent as Record<string, string>;
		const categories = interaction.block.categories!.map((c) => c.id);
		const ids = await step.locator('[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')!));
		for (const id of ids) {
			await tabUntil(page, `document.activeElement?.type === 'radio' && document.activeElement.closest('[data-item]')?.getAttribute('data-item') === ${JSON.stringify(id)}`);
			const index = categories.indexOf(placements[id]!);
			if (index === 0) await page.keyboard.press('Space');
			for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
		}
	} else {
		const target = intent as string[];
		for (let p = 0; p < target.length; p++) {
			const current = await step.locator('[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')!));
			const j = current.indexOf(target[p]!);
			if (j > p) {
				await step.locator(`[data-item="${target[p]}"] button`, { hasText: 'Up' }).focus();
				for (let k = 0; k < j - p; k++) await page.keyboard.press('Enter');
			}
		}
		const finalOrder = await step.locator('[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')!));
		expect(finalOrder).toEqual(target);
	}
	await tabUntil(page, `document.activeElement?.type === 'submit'`);
	await page.keyboard.press('Enter');
	if (feedbackHeld) {
		await expect(at.getByRole('status').filter({ hasText: 'Answer saved' })).toBeVisible();
		await expect(at.locator('section.feedback')).toHaveCount(0);
		return;
	}
	await expect(at.locator('section.feedback')).toBeVisible();
	// Focus lands on Continue: Enter moves on.
	await expect(at.getByRole('button', { name: /^(Continue|Finish|Back to the desk)$/ })).toBeFocused();
	await page.keyboard.press('Enter');
}

/** Plays from the current step to the end, choosing with `choose` (default: the best answer). */
export async function playToEnd(page: Page, scenario: Scenario, choose: (stepId: string, interaction: Interaction) => Intent = (_, i) => bestIntent(i), at: Page | Frame = page) {
	for (let guard = 0; guard < 30; guard++) {
		const stepEl = at.locator('article.step');
		await expect(stepEl).toBeVisible();
		const stepId = (await stepEl.getAttribute('data-step'))!;
		const step = scenario.steps[stepId];
		if (!step?.interaction) return;
		await answerByKeyboard(page, step.interaction, choose(stepId, step.interaction), at);
	}
	throw new Error('scenario did not end');
}

/**
 * Plays a scenario from the step on screen to its ending: steps of `kind` are handed to `work` (which
 * works, submits and moves on), every other step is answered best by keyboard.
 */
export async function playWorking<K extends Interaction['kind']>(page: Page, scenario: Scenario, kind: K, work: (interaction: Extract<Interaction, { kind: K }>, stepId: string) => Promise<void>) {
	for (let guard = 0; guard < 20; guard++) {
		const stepEl = page.locator('article.step');
		await expect(stepEl).toBeVisible();
		const step = scenario.steps[(await stepEl.getAttribute('data-step'))!];
		if (!step?.interaction) return;
		const it = step.interaction;
		if (it.kind !== kind) await answerByKeyboard(page, it, bestIntent(it));
		else await work(it as Extract<Interaction, { kind: K }>, step.id);
	}
}
