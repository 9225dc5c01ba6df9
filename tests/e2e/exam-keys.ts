import { expect, type Page } from '@playwright/test';
import { content } from './content';

/** The key letter of a shipped exam item. */
export const keyOf = (id: string) => content().questions.find((q) => q.id === id)!.key;

/** Presses Tab until the page says the predicate (a JS expression) holds. */
export async function tabTo(page: Page, predicate: string, max = 200) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(predicate)) return;
	}
	throw new Error(`keyboard focus never reached: ${predicate}`);
}

/** A predicate: the focused element is the button with exactly this text. */
export const focusedButton = (name: string) => `document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === ${JSON.stringify(name)}`;

/** Answers the item on screen by keyboard: from the heading, Tab into the options, arrow to the letter. */
export async function answer(page: Page, letter: string) {
	await page.locator('article.item h2').focus();
	await tabTo(page, `document.activeElement?.type === 'radio'`);
	// Arrow keys move and select within a radio group; on an empty group the first arrow selects the next one.
	// Pressed without waiting for each stored write: the page shows the latest choice at once.
	await page.keyboard.press('Space');
	for (let i = 0; i < 'abcd'.indexOf(letter); i++) await page.keyboard.press('ArrowDown');
	await expect(page.locator(`article.item [data-option="${letter}"] input`)).toBeChecked();
	// Stored once every write has settled: the page marks the stored choice on the item.
	await expect(page.locator('article.item')).toHaveAttribute('data-stored', letter);
}
