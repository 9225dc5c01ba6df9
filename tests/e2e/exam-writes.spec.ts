import { expect, test, type Page } from '@playwright/test';
import { content } from './content';

const keyOf = (id: string) => content().questions.find((q) => q.id === id)!.key;
const legend = (page: Page) => page.locator('.navigator .legend');
const alert = (page: Page) => page.locator('[data-save-problem]');
const itemId = async (page: Page) => (await page.locator('article.item').getAttribute('data-item'))!;

async function startShortMock(page: Page): Promise<string> {
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Short mock exam (25 items)' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	return page.url();
}

async function choose(page: Page, letter: string) {
	await page.locator(`article.item [data-option="${letter}"] input`).click();
}

async function goTo(page: Page, n: number) {
	await page.getByRole('button', { name: new RegExp(`^Question ${n},`) }).click();
	await expect(page.locator('article.item h2')).toHaveText(new RegExp(`^Question ${n} of`));
}

/** The navigator's answered items, as the page shows them. */
async function answeredNumbers(page: Page): Promise<number[]> {
	const labels = await page.locator('.navigator button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
	return labels.flatMap((l, i) => (l.includes(', answered') ? [i + 1] : []));
}

test('two tabs on one mock exam: the stale tab is told and catches up, and no answer is lost', async ({ context }) => {
	const first = await context.newPage();
	const url = await startShortMock(first);
	const second = await context.newPage();
	await second.goto(url);
	await expect(second.getByRole('timer')).toBeVisible();
	await expect(legend(second)).toContainText('0 answered');

	// The second tab opens question 11 (where it is is stored, but is not progress: nothing conflicts).
	await goTo(second, 11);
	await expect(alert(second)).toHaveCount(0);

	// The first tab answers ten questions.
	for (let n = 1; n <= 10; n++) {
		await goTo(first, n);
		await choose(first, 'a');
		await expect(legend(first)).toContainText(`${n} answered`);
	}

	// The second tab, still showing an empty exam, answers question 11: refused, told, caught up.
	await choose(second, 'b');
	await expect(alert(second)).toContainText('Your answer was not saved: this exam was changed in another tab or window. This page now shows what is saved (10 of 25 answered)');
	await expect(legend(second)).toContainText('10 answered');
	await expect(second.locator('article.item [data-option="b"] input')).not.toBeChecked();
	expect(await answeredNumbers(second)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

	// Made again, the answer is kept beside the other tab's ten.
	await choose(second, 'b');
	await expect(legend(second)).toContainText('11 answered');
	await expect(alert(second)).toHaveCount(0);

	// The first tab is now the stale one: its next change (a new answer to question 10) is refused and it catches up too.
	await choose(first, 'c');
	await expect(alert(first)).toContainText('this exam was changed in another tab or window');
	await expect(legend(first)).toContainText('11 answered');

	for (const page of [first, second]) {
		await page.reload();
		await expect(legend(page)).toContainText('11 answered');
		expect(await answeredNumbers(page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
	}
	await goTo(first, 11);
	await expect(first.locator('article.item [data-option="b"] input')).toBeChecked();
});

test('storage full during a mock exam: answers, marks and the submission say plainly they were not saved, a reload shows exactly what was, and retrying works', async ({ page }) => {
	test.setTimeout(90_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
	page.on('dialog', (d) => void d.accept());
	// IndexedDB refuses every write while the flag is set, as a full disk does.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if ((globalThis as { __diskFull?: boolean }).__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	const diskFull = (on: boolean) => page.evaluate((v) => void ((globalThis as { __diskFull?: boolean }).__diskFull = v), on);

	await startShortMock(page);
	const q1 = await itemId(page);
	await choose(page, keyOf(q1));
	await expect(legend(page)).toContainText('1 answered · 0 marked');

	await diskFull(true);
	await goTo(page, 2);
	const q2 = await itemId(page);
	await choose(page, keyOf(q2));
	await expect(alert(page)).toHaveText(/^Your answer was not saved: the browser's storage is full\. Free some space/);
	await expect(legend(page)).toContainText('1 answered · 0 marked');
	await expect(page.locator(`article.item [data-option="${keyOf(q2)}"] input`)).not.toBeChecked();

	await page.getByLabel('Mark for review').click();
	await expect(alert(page)).toHaveText(/^Your mark for review was not saved: the browser's storage is full/);
	await expect(page.getByLabel('Mark for review')).not.toBeChecked();
	await expect(legend(page)).toContainText('0 marked');

	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(alert(page)).toHaveText(/^Your submission was not saved: the browser's storage is full/);
	await expect(page.getByRole('heading', { name: 'Results' })).toHaveCount(0);
	await expect(page.getByRole('timer')).toBeVisible();

	// After a reload the page shows exactly what was stored: question 1, nothing else.
	await page.reload();
	await expect(legend(page)).toContainText('1 answered · 0 marked · 24 left');
	expect(await answeredNumbers(page)).toEqual([1]);
	await expect(page.locator(`article.item [data-option="${keyOf(q1)}"] input`)).toBeChecked();
	await expect(alert(page)).toHaveCount(0);

	// Retry: refused while the disk is full, stored once there is room.
	await diskFull(true);
	await goTo(page, 2);
	await choose(page, keyOf(q2));
	await expect(alert(page)).toContainText("the browser's storage is full");
	await diskFull(false);
	await choose(page, keyOf(q2));
	await expect(legend(page)).toContainText('2 answered');
	await expect(alert(page)).toHaveCount(0);

	await diskFull(true);
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(alert(page)).toHaveText(/^Your submission was not saved/);
	await diskFull(false);
	await page.getByRole('button', { name: 'Submit the exam' }).click();
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.locator('.score')).toContainText('2 of 25 right');

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.locator('.score')).toHaveText('2 of 25 right (8%), 23 unanswered.');
	// Every miss became a review card when the submission was stored.
	await page.goto('/exam/');
	await expect(page.locator('[data-due]')).toHaveAttribute('data-due', '23');
	expect(errors).toEqual([]);
});

test('storage full during practice: an answer or a check that was not stored says so, and neither is shown as done until it is', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if ((globalThis as { __diskFull?: boolean }).__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	const diskFull = (on: boolean) => page.evaluate((v) => void ((globalThis as { __diskFull?: boolean }).__diskFull = v), on);
	await page.goto('/exam/');
	await page.getByRole('button', { name: 'Start practice' }).click();
	const id = await itemId(page);
	// A wrong answer, so checking it writes a review card.
	const wrong = 'abcd'[('abcd'.indexOf(keyOf(id)) + 1) % 4]!;
	const check = page.getByRole('button', { name: 'Check the answer' });

	await diskFull(true);
	await choose(page, wrong);
	await expect(alert(page)).toHaveText(/^Your answer was not saved: the browser's storage is full/);
	await expect(page.locator(`article.item [data-option="${wrong}"] input`)).not.toBeChecked();
	await expect(check).toBeDisabled();

	await diskFull(false);
	await choose(page, wrong);
	await expect(check).toBeEnabled();
	await expect(alert(page)).toHaveCount(0);

	await diskFull(true);
	await check.click();
	await expect(alert(page)).toHaveText(/^Your check was not saved: the browser's storage is full/);
	await expect(page.locator('article.item .why')).toHaveCount(0);

	await diskFull(false);
	await check.click();
	await expect(page.locator('article.item .why')).toHaveCount(4);
	await expect(alert(page)).toHaveCount(0);
	await page.goto('/exam/');
	await expect(page.locator('[data-due]')).toHaveAttribute('data-due', '1');
	expect(errors).toEqual([]);
});

test('arrow keys pressed faster than the store settles: the radio follows every key, and the last choice is what is stored and shown', async ({ page }) => {
	// Every write settles 150 ms late (stored at once, confirmed late), so keys outrun the store.
	await page.addInitScript(() => {
		const d = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete')!;
		Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
			configurable: true,
			get: d.get,
			set(this: IDBTransaction, fn: ((e: Event) => void) | null) {
				d.set!.call(this, fn && ((e: Event) => void setTimeout(() => fn.call(this, e), 150)));
			}
		});
	});
	await startShortMock(page);
	await page.locator('article.item h2').focus();
	await page.keyboard.press('Tab');
	await expect(page.locator('article.item input[type="radio"]').first()).toBeFocused();
	// What the radio group shows, sampled every frame from here on.
	await page.evaluate(() => {
		const w = window as unknown as { shown: string[] };
		w.shown = [];
		const sample = () => {
			w.shown.push((document.querySelector('article.item input[type="radio"]:checked') as HTMLInputElement | null)?.value ?? '');
			requestAnimationFrame(sample);
		};
		sample();
	});
	// No waiting between keys: a, b, a, b, c, b, c, d. Each key is a write queued behind the last; d is
	// chosen only by the last key, so a stored d means every write has settled.
	await page.keyboard.press('Space');
	for (const key of ['ArrowDown', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
	const after = await page.evaluate(() => (window as unknown as { shown: string[] }).shown.length);
	const d = page.locator('article.item [data-option="d"] input');
	expect(await d.isChecked()).toBe(true);
	await expect(page.locator('article.item')).toHaveAttribute('data-stored', 'd');
	// From the last key on, the page never showed an earlier choice while the writes behind it settled.
	const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
	expect(new Set(shown.slice(after))).toEqual(new Set(['d']));
	await expect(d).toBeChecked();
	await expect(d).toBeFocused();
	await expect(legend(page)).toContainText('1 answered');
	await page.reload();
	await expect(page.locator('article.item [data-option="d"] input')).toBeChecked();
});
