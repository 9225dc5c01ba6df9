import { expect, type Page } from '@playwright/test';
import * as officeSchedule from '../../src/lib/office/schedule';

/** One thing the learner does in the book, by keyboard. Times are HH:MM; dates are ISO days of the book. */
export type BookStep =
	| { op: 'book'; provider: string; time: string; date?: string; patient: string; type: string; reason: string; fromWaitlist?: string; repeat?: { count: number; everyDays: number } }
	| { op: 'waitlist-add'; patient: string; type: string; reason: string; wants: string }
	| { op: 'move'; appointment: Where; to: { provider: string; time: string; date?: string }; reason: string }
	| { op: 'cancel'; appointment: Where; reason: string }
	| { op: 'no-show'; appointment: Where };

/** Where an appointment sits in the day grid (its row: the quarter hour it starts in). */
type Where = { provider: string; time: string; date?: string; id?: string };

const active = (page: Page) => page.evaluate(() => {
	const el = document.activeElement as HTMLElement | null;
	return {
		tag: el?.tagName ?? '',
		id: el?.id ?? '',
		text: (el?.textContent ?? '').trim(),
		label: el?.getAttribute('aria-label') ?? '',
		appointment: el?.closest('[data-appointment]')?.getAttribute('data-appointment') ?? '',
		type: (el as HTMLInputElement | null)?.type ?? ''
	};
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

const toRow = (minutes: number) => {
	const row = minutes - (minutes % 15);
	return `${String(Math.floor(row / 60)).padStart(2, '0')}:${String(row % 60).padStart(2, '0')}`;
};

/** Does the steps in the book with the keyboard only. */
export async function workBook(page: Page, steps: BookStep[]) {
	for (const step of steps) {
		if (step.op === 'book') {
			const [h, m] = step.time.split(':').map(Number);
			const row = toRow(h! * 60 + m!);
			await openSlot(page, step.provider, row, step.date);
			await tabTo(page, (a) => a.text === 'Book in this slot…', 'the Book button');
			await page.keyboard.press('Enter');
			await tabTo(page, (a) => a.tag === 'SELECT', 'the patient field');
			await chooseInFocusedSelect(page, step.patient);
			await page.keyboard.press('Tab');
			await chooseInFocusedSelect(page, step.type);
			if (row !== step.time) {
				// Between grid rows: type the exact start time.
				await tabTo(page, (a) => a.type === 'time', 'the start time field');
				await typeTime(page, step.time);
			}
			if (step.fromWaitlist) {
				await tabTo(page, (a) => a.id.endsWith('-f6'), 'the waitlist field');
				await chooseInFocusedSelect(page, step.fromWaitlist);
			}
			if (step.repeat) {
				await tabTo(page, (a) => a.type === 'checkbox', 'the series checkbox');
				await page.keyboard.press('Space');
				await page.keyboard.press('Tab');
				await page.keyboard.press('ControlOrMeta+a');
				await page.keyboard.type(String(step.repeat.count));
				await page.keyboard.press('Tab');
				await page.keyboard.press('ControlOrMeta+a');
				await page.keyboard.type(String(step.repeat.everyDays));
			}
			await tabTo(page, (a) => a.id.endsWith('-reason'), 'the reason field');
			await page.keyboard.type(step.reason);
			await page.keyboard.press('Enter');
		} else if (step.op === 'waitlist-add') {
			await page.getByRole('button', { name: 'Add to waitlist…' }).focus();
			await page.keyboard.press('Enter');
			await tabTo(page, (a) => a.tag === 'SELECT', 'the patient field');
			await chooseInFocusedSelect(page, step.patient);
			await page.keyboard.press('Tab');
			await chooseInFocusedSelect(page, step.type);
			await tabTo(page, (a) => a.id.endsWith('-wants'), 'the when field');
			await page.keyboard.type(step.wants);
			await tabTo(page, (a) => a.id.endsWith('-reason'), 'the reason field');
			await page.keyboard.type(step.reason);
			await page.keyboard.press('Enter');
		} else {
			const at = step.appointment;
			await openSlot(page, at.provider, at.time, at.date);
			const label = step.op === 'move' ? 'Move…' : step.op === 'cancel' ? 'Cancel…' : 'Mark no-show';
			await tabTo(page, (a) => a.text === label && (!at.id || a.appointment === at.id), `the ${label} button`);
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
	// What the learner sees before it is safe to close the tab.
	await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
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

/** Turns engine actions (from the test solver) into keyboard steps, finding each appointment where it stands. */
export function toBookSteps(block: import('../../src/lib/content/schema/scenario').ResolvedScheduleBlock, actions: import('../../src/lib/office/schedule').ScheduleAction[]): BookStep[] {
	const { applyActions } = officeSchedule;
	const steps: BookStep[] = [];
	actions.forEach((a, i) => {
		const book = applyActions(block, actions.slice(0, i));
		const where = (id: string): Where => {
			const appt = book.appointments.find((x) => x.id === id)!;
			return { provider: appt.provider, time: toRow(appt.start), date: appt.date, id };
		};
		if (a.op === 'book') steps.push({ op: 'book', provider: a.provider, time: a.start, date: a.date, patient: a.patient, type: a.type, reason: a.reason, fromWaitlist: a.fromWaitlist, repeat: a.repeat });
		else if (a.op === 'move') steps.push({ op: 'move', appointment: where(a.id), to: { provider: a.provider, time: a.start, date: a.date }, reason: a.reason });
		else if (a.op === 'cancel') steps.push({ op: 'cancel', appointment: where(a.id), reason: a.reason });
		else if (a.op === 'no-show') steps.push({ op: 'no-show', appointment: where(a.id) });
		else steps.push({ op: 'waitlist-add', patient: a.patient, type: a.type, reason: a.reason, wants: a.wants });
	});
	return steps;
}
