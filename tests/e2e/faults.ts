import type { Page } from '@playwright/test';

/**
 * A full disk, made to happen: once `fillDisk` is called, every IndexedDB write in the page throws the
 * QuotaExceededError a browser throws when the site's storage is full; `freeDisk` makes room again.
 */
export async function injectDiskFaults(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __diskFull: boolean };
		w.__diskFull = false;
		for (const m of ['put', 'add'] as const) {
			const original = IDBObjectStore.prototype[m];
			IDBObjectStore.prototype[m] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
				if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		}
	});
}
export const fillDisk = (page: Page) => page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
export const freeDisk = (page: Page) => page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
