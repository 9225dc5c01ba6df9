import { expect, type Page } from '@playwright/test';

/** One thing the learner does in the book, by keyboard. Times are HH:MM; dates are ISO days of the book. */
export type BookStep =
	| { op: 'book'; provider: string; time: string; date?: string; patient: string; type: string; reason: string; fromWaitlist?: boolean }
	| { op: 'move'; appointment: { provider: string; time: string; date?: string }; to: { provider: string; time: string; date?: string }; reason: string }
	| { op: 'cancel'; appointment: { provider: string; time: string; date?: string }; reason: string }
	| { op: 'no-show'; appointment: { provider: string; time: string; date?: string } };

const active = (page: Page) => page.evaluate(() => {
	const el = document.activeElement as HTMLElement | null;
	return { tag: el?.tagName ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim(), label: el?.getAttribute('aria-label') ?? '' };
});

async function tabTo(page: Page, test: (a: Awaited<ReturnType<typeof active>>) => boolean, what: string, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (test(await active(page))) return;
	}
	throw new Error(`keyboard focus never reached ${what}`);
}

/** Chooses an option of the focused <select> with arrow keys, as a keyboard user would. */
async function chooseInFocusedSelect(page: Page, value: string) {
	const { index, current } = await page.evaluate((v) => {
		const s = document.activeElement as HTMLSelectElement;
		return { index: [...s.options].findIndex((o) => o.value === v), current: s.selectedIndex };
	}, value);
	if (index < 0) throw new Error(`no option ${value}`);
	const key = index > current ? 'ArrowDown' : 'ArrowUp';
	for (let i = 0; i < Math.abs(index - current); i++) await page.keyboard.press(key);
	expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe(value);
}

async function showDay(page: Page, date: string | undefined) {
	if (!date) return;
	const select = page.locator('.toolbar select');
	if ((await select.count()) === 0) return;
	await select.focus();
	await chooseInFocusedSelect(page, date);
}

/** Moves grid focus to a provider's slot with the arrow keys and opens it with Enter. */
async function openSlot(page: Page, provider: string, time: string, date?: string) {
	await showDay(page, date);
	const grid = page.locator('table.book');
	await expect(grid).toBeVisible();
	const target = grid.locator(`td[data-provider="${provider}"][data-time="${time}"]`);
	const [tr, tc] = (await target.getAttribute('id'))!.split('-cell-')[1]!.split('-').map(Number);
	await grid.locator('td[tabindex="0"]').focus();
	const [fr, fc] = (await active(page)).id.split('-cell-')[1]!.split('-').map(Number);
	for (let i = 0; i < Math.abs(tr! - fr!); i++) await page.keyboard.press(tr! > fr! ? 'ArrowDown' : 'ArrowUp');
	for (let i = 0; i < Math.abs(tc! - fc!); i++) await page.keyboard.press(tc! > fc! ? 'ArrowRight' : 'ArrowLeft');
	await expect(target).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('.slot-panel')).toBeFocused();
}

async function typeTime(page: Page, time: string) {
	const [h, m] = time.split(':').map(Number);
	await page.keyboard.type(`${String(((h! + 11) % 12) + 1).padStart(2, '0')}${String(m).padStart(2, '0')}${h! < 12 ? 'A' : 'P'}`);
}

/** Does the steps in the book with the keyboard only. */
export async function workBook(page: Page, steps: BookStep[]) {
	for (const step of steps) {
		if (step.op === 'book') {
			await openSlot(page, step.provider, step.time, step.date);
			await tabTo(page, (a) => a.text === 'Book in this slot…', 'the Book button');
			await page.keyboard.press('Enter');
			await tabTo(page, (a) => a.tag === 'SELECT', 'the patient field');
			await chooseInFocusedSelect(page, step.patient);
			await page.keyboard.press('Tab');
			await chooseInFocusedSelect(page, step.type);
			if (step.fromWaitlist) {
				await tabTo(page, (a) => a.tag === 'SELECT' && /waitlist/i.test(a.text) === false && a.id.endsWith('-f6'), 'the waitlist field');
				const options = await page.evaluate(() => [...(document.activeElement as HTMLSelectElement).options].map((o) => o.value));
				await chooseInFocusedSelect(page, options[1]!);
			}
			await tabTo(page, (a) => a.id.endsWith('-reason'), 'the reason field');
			await page.keyboard.type(step.reason);
			await page.keyboard.press('Enter');
		} else {
			const at = step.appointment;
			await openSlot(page, at.provider, at.time, at.date);
			const label = step.op === 'move' ? 'Move…' : step.op === 'cancel' ? 'Cancel…' : 'Mark no-show';
			await tabTo(page, (a) => a.text === label, `the ${label} button`);
			await page.keyboard.press('Enter');
			if (step.op === 'move') {
				await tabTo(page, (a) => a.tag === 'SELECT', 'the provider field');
				await chooseInFocusedSelect(page, step.to.provider);
				await page.keyboard.press('Tab');
				if (step.to.date) await chooseInFocusedSelect(page, step.to.date);
				await page.keyboard.press('Tab');
				await typeTime(page, step.to.time);
				await tabTo(page, (a) => a.id.endsWith('-reason'), 'the reason field');
				await page.keyboard.type(step.reason);
				await page.keyboard.press('Enter');
			} else if (step.op === 'cancel') {
				await tabTo(page, (a) => a.id.endsWith('-reason'), 'the reason field');
				await page.keyboard.type(step.reason);
				await page.keyboard.press('Enter');
			}
		}
		await expect(page.locator('.book-form')).toHaveCount(0);
	}
}

/** Types into the "Record in the chart" fields and submits the book, by keyboard. */
export async function submitBook(page: Page, collected: Record<string, string> = {}) {
	for (const [id, text] of Object.entries(collected)) {
		await page.locator(`[data-collect="${id}"]`).focus();
		await page.keyboard.type(text);
	}
	await page.getByRole('button', { name: 'Submit the book' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('section.feedback')).toBeVisible();
}
