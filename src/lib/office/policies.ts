/** The office policy binder: policies in title order, found by the words a reader types. */

export type PolicyEntry = { id: string; title: string; text: string };

/** Every policy, sorted by title so a reader finds one the way they would in a printed binder's index. */
export function policyList(policies: Readonly<Record<string, { title: string; text: string }>>): PolicyEntry[] {
	return Object.entries(policies)
		.map(([id, p]) => ({ id, title: p.title, text: p.text }))
		.sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * The policies whose title or text holds every word of the query (in any order, each as the start
 * of a word, so "refill" finds "refills"); those with a word in the title come first. An empty query keeps all.
 */
export function searchPolicies(list: readonly PolicyEntry[], query: string): PolicyEntry[] {
	const wanted = words(query);
	if (!wanted.length) return [...list];
	const hits = list
		.map((p) => {
			const title = words(p.title);
			const all = [...title, ...words(p.text)];
			if (!wanted.every((w) => all.some((x) => x.startsWith(w)))) return null;
			return { p, inTitle: wanted.filter((w) => title.some((x) => x.startsWith(w))).length };
		})
		.filter((x): x is { p: PolicyEntry; inTitle: number } => x !== null);
	// A stable sort keeps title order among equals.
	return hits.sort((a, b) => b.inTitle - a.inTitle).map((x) => x.p);
}
