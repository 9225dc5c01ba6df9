/**
 * The official code lists as searchable indexes. Pure: the caller supplies the text of the shipped
 * files in content/codesets/ (fetched lazily in the browser, read from disk in Node).
 */

export const CODE_SETS = {
	icd10cm: {
		name: 'ICD-10-CM',
		year: 'FY2026 (valid for dates of service 1 October 2025 – 30 September 2026)',
		validFrom: '2025-10-01',
		validTo: '2026-09-30',
		source: 'CMS / CDC-NCHS, 2026 code descriptions in tabular order (public domain)'
	},
	hcpcs: {
		name: 'HCPCS Level II',
		year: 'October 2025 quarterly file',
		/** A quarterly file holds for the dates of service of its quarter, until the next update. */
		validFrom: '2025-10-01',
		validTo: '2025-12-31',
		source: 'CMS HCPCS Level II alpha-numeric file (public domain)'
	},
	cpt: {
		name: 'CPT (curated)',
		year: 'common office codes; descriptions in our own words',
		source: 'CPT is maintained by the AMA; its descriptors are copyrighted and not reproduced here'
	}
} as const;

/** Dates of service every shipped code set is valid for: scenarios must fall inside (the content check enforces it). */
export const CODE_YEAR_WINDOW = {
	from: [CODE_SETS.icd10cm.validFrom, CODE_SETS.hcpcs.validFrom].sort().at(-1)!,
	to: [CODE_SETS.icd10cm.validTo, CODE_SETS.hcpcs.validTo].sort()[0]!
};

export interface CodeEntry {
	/** As printed on a claim: ICD-10-CM with its dot (E11.9), HCPCS as is (G0439). */
	code: string;
	/** ICD-10-CM: false for a category or subcategory header, which is never valid on a claim. */
	billable: boolean;
	description: string;
	/** HCPCS only: a two-character modifier rather than a code. */
	modifier?: boolean;
}

export interface CodeIndex {
	entries: CodeEntry[];
	/** Code without dot, upper case → position in entries. */
	byKey: Map<string, number>;
	/** Sorted keys for prefix search, with their entry positions. */
	sortedKeys: string[];
	sortedPos: number[];
	/** Lower-cased " description " per entry, for word search. */
	haystack: string[];
}

/** Removes the dot and spaces and upper-cases, so "e11.9", "E119" and "E11.9 " compare equal. */
export function codeKey(code: string): string {
	return code.replace(/[.\s]/g, '').toUpperCase();
}

/** ICD-10-CM codes are printed with a dot after the third character. */
export function icdDisplay(key: string): string {
	return key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key;
}

function buildIndex(entries: CodeEntry[]): CodeIndex {
	const byKey = new Map<string, number>();
	entries.forEach((e, i) => byKey.set(codeKey(e.code), i));
	const sortedKeys = [...byKey.keys()].sort();
	return {
		entries,
		byKey,
		sortedKeys,
		sortedPos: sortedKeys.map((k) => byKey.get(k)!),
		haystack: entries.map((e) => ` ${e.description.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `)
	};
}

/** Parses content/codesets/icd10cm-*.tsv: code (no dot) TAB 0|1 (header|billable) TAB long description. */
export function parseIcdIndex(text: string): CodeIndex {
	const entries: CodeEntry[] = [];
	for (const line of text.split('\n')) {
		if (!line) continue;
		const [key, flag, description] = line.split('\t');
		entries.push({ code: icdDisplay(key!), billable: flag === '1', description: description! });
	}
	return buildIndex(entries);
}

/** Parses content/codesets/hcpcs-*.tsv: code TAB M (modifier) | C (code) TAB long description. */
export function parseHcpcsIndex(text: string): CodeIndex {
	const entries: CodeEntry[] = [];
	for (const line of text.split('\n')) {
		if (!line) continue;
		const [code, type, description] = line.split('\t');
		entries.push({ code: code!, billable: true, description: description!, ...(type === 'M' ? { modifier: true } : {}) });
	}
	return buildIndex(entries);
}

export function lookupCode(index: CodeIndex, code: string): CodeEntry | undefined {
	const i = index.byKey.get(codeKey(code));
	return i === undefined ? undefined : index.entries[i];
}

export interface SearchResult {
	entries: CodeEntry[];
	/** How many entries matched in all (the list is cut at the limit). */
	total: number;
}

const looksLikeCode = (q: string) => /^[A-Za-z][0-9][0-9A-Za-z.]*$/.test(q) || /^[A-Za-z][0-9]?$/.test(q);

/**
 * Search by code prefix ("E11", "e11.6") or by words ("type 2 diabet kidney": every word must start
 * a word of the description, in any order). Within a tier results keep the code set's own order,
 * which puts a category's header before its codes, so a learner sees where a code sits.
 */
export function searchCodes(index: CodeIndex, query: string, limit = 50): SearchResult {
	const q = query.trim();
	if (!q) return { entries: [], total: 0 };
	const positions: number[] = [];
	if (looksLikeCode(q)) {
		const prefix = codeKey(q);
		let lo = 0;
		let hi = index.sortedKeys.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (index.sortedKeys[mid]! < prefix) lo = mid + 1;
			else hi = mid;
		}
		for (let i = lo; i < index.sortedKeys.length && index.sortedKeys[i]!.startsWith(prefix); i++) positions.push(index.sortedPos[i]!);
		positions.sort((a, b) => a - b);
	}
	if (positions.length === 0) {
		const raw = q.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
		if (raw.length === 0) return { entries: [], total: 0 };
		const phrase = ` ${raw.join(' ')}`;
		// The rarest-looking (longest) word first: it rules out most entries with one scan.
		const words = raw.map((w) => ` ${w}`).sort((a, b) => b.length - a.length);
		const hay = index.haystack;
		// Three tiers, each in code-set order: the description starts with the words as typed, holds
		// them as a phrase, or holds them all somewhere. "low back pain" finds M54.5- before M51.36-.
		const tiers: number[][] = [[], [], []];
		outer: for (let i = 0; i < hay.length; i++) {
			const h = hay[i]!;
			for (const w of words) if (!h.includes(w)) continue outer;
			tiers[h.startsWith(phrase) ? 0 : h.includes(phrase) ? 1 : 2]!.push(i);
		}
		positions.push(...tiers[0]!, ...tiers[1]!, ...tiers[2]!);
	}
	return { entries: positions.slice(0, limit).map((i) => index.entries[i]!), total: positions.length };
}
