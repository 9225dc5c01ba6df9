/**
 * Names the service worker and the pages share for the offline copy of the app. Pure: no DOM.
 * Each name carries the site's base path, so two copies of the app on one host never touch each
 * other's caches.
 */

/** The app itself for one version: its code, every prerendered page, its static files. */
export const appCacheName = (base: string, version: string) => `front-desk${base}:app:${version}`;

/** The code sets, kept across versions (a file is dropped only when a new version no longer ships it). */
export const codeSetCacheName = (base: string) => `front-desk${base}:code-sets`;

/** Whether a cache belongs to this copy of the app (and so may be cleared by it). */
export const isOwnCache = (base: string, name: string) => name.startsWith(`front-desk${base}:`);

/** The code-set files (ICD-10-CM, HCPCS) are the only .tsv files the app ships. */
export const isCodeSetPath = (path: string) => path.endsWith('.tsv');

/** The message a page sends a waiting worker when the learner asks for the update now. */
export const APPLY_UPDATE = 'apply-update';
/**
 * The message a page that has just opened sends a waiting worker: take over if this page is the app's
 * only one (the next start, before the learner has done anything). The worker answers APPLYING when it does.
 */
export const APPLY_IF_ALONE = 'apply-if-alone';
export const APPLYING = 'applying';
