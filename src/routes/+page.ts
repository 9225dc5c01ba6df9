// The first page takes the scenario cards, the domain names and the start path (not the competency
// statements) from catalog.json: prerendered, inlined into this page's HTML at build, so hydration
// reads it from the page and a later visit fetches one small file.
import { base } from '$app/paths';
import type { CatalogCard } from '$lib/content/catalog';
import type { StartStep } from '$lib/content/start-here';

export async function load({ fetch }) {
	const res = await fetch(`${base}/catalog.json`);
	return (await res.json()) as {
		scenarios: CatalogCard[];
		frameworks: { id: string; name: string; domains: { id: string; name: string }[] }[];
		startHere: StartStep[];
	};
}
