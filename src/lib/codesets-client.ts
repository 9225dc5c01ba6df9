/**
 * Loads the official code sets in the browser, once, only when a code picker or the code-set page
 * asks for them: they are large (ICD-10-CM is about 0.7 MB gzip) and must never be in the first page.
 */
import icdUrl from '../../content/codesets/icd10cm-2026.tsv?url';
import hcpcsUrl from '../../content/codesets/hcpcs-2025oct.tsv?url';
import { parseHcpcsIndex, parseIcdIndex, withTerms, type CodeIndex } from './office/codesets';
import { codeSetCacheName } from './offline-cache';

export type CodeSetName = 'icd10cm' | 'hcpcs';

const cache = new Map<CodeSetName, Promise<CodeIndex>>();

export function loadCodeSet(name: CodeSetName): Promise<CodeIndex> {
	let p = cache.get(name);
	if (!p) {
		const text = fetch(name === 'icd10cm' ? icdUrl : hcpcsUrl).then((r) => {
			if (!r.ok) throw new Error(`the ${name === 'icd10cm' ? 'ICD-10-CM' : 'HCPCS'} list could not be downloaded (HTTP ${r.status})`);
			return r.text();
		});
		// The practice's common codes and synonyms rank the matches (office/codesets.ts searchCodes).
		p = Promise.all([text, import('virtual:code-terms')]).then(([t, terms]) =>
			withTerms(name === 'icd10cm' ? parseIcdIndex(t) : parseHcpcsIndex(t), terms.default[name])
		);
		// A failed download can be retried later (e.g. once the network is back).
		p.catch(() => cache.delete(name));
		cache.set(name, p);
	}
	return p;
}

const codeSetUrls = () => [icdUrl, hcpcsUrl].map((u) => new URL(u, location.href).href);

/** Whether both code-set files are kept on this device for offline use (by the offline worker's cache). */
export async function codeSetsStoredOffline(base: string): Promise<boolean> {
	if (typeof caches === 'undefined') return false;
	const cache = await caches.open(codeSetCacheName(base));
	return (await Promise.all(codeSetUrls().map((u) => cache.match(u)))).every(Boolean);
}

/** The learner's "use code sets offline": both files downloaded into the cache the offline worker serves them from. */
export async function storeCodeSetsOffline(base: string): Promise<void> {
	const cache = await caches.open(codeSetCacheName(base));
	await cache.addAll(codeSetUrls());
}
