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
	// Each choice is a stored write the page confirms: wait for it before the next key, as a person reading
	// the screen would (a key pressed mid-write is a known open question, noted for the next session).
	await page.keyboard.press('Space');
	await expect(page.locator('article.item [data-option="a"] input')).toBeChecked();
	for (let i = 0; i < 'abcd'.indexOf(letter); i++) {
		await page.keyboard.press('ArrowDown');
		await expect(page.locator(`article.item [data-option="${'abcd'[i + 1]}"] input`)).toBeChecked();
	}
	await expect(page.locator(`article.item [data-option="${letter}"] input`)).toBeChecked();
}
