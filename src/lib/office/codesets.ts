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
	/** The practice's common codes and synonyms (content/codes/), attached with `withTerms`. */
	terms?: IndexTerms;
}

/** One code set's share of content/codes/: the superbill's common codes and the synonym list. */
export interface CodeTerms {
	common: string[];
	synonyms: { terms: string[]; codes: string[] }[];
}

interface IndexTerms {
	/** 1 at the entry position of each common code: a typed array is the cheapest test per match. */
	common: Uint8Array;
	/** Each synonym term as " words " with the entry positions it stands for. */
	synonyms: { hay: string; positions: number[] }[];
}

const normalize = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** Attaches the common codes and synonyms to an index; a code the index lacks is skipped (the content check refuses it). */
export function withTerms(index: CodeIndex, terms: CodeTerms): CodeIndex {
	const at = (code: string) => index.byKey.get(codeKey(code));
	const known = (i: number | undefined): i is number => i !== undefined;
	const common = new Uint8Array(index.entries.length);
	for (const i of terms.common.map(at).filter(known)) common[i] = 1;
	return {
		...index,
		terms: {
			common,
			synonyms: terms.synonyms.flatMap((s) => {
				const positions = s.codes.map(at).filter(known);
				return s.terms.map((t) => ({ hay: normalize(t), positions }));
			})
		}
	};
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
		haystack: entries.map((e) => normalize(e.description))
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

/** What a search found, in words: "Showing 50 of 126 matches", so a learner knows to type more. */
export function matchStatus(r: SearchResult): string {
	if (r.total === 0) return 'No codes match.';
	if (r.total > r.entries.length) return `Showing ${r.entries.length} of ${r.total} matches, the practice's common codes first: type more words or a code to narrow them.`;
	return `${r.total} code${r.total === 1 ? '' : 's'} match.`;
}

const looksLikeCode = (q: string) => /^[A-Za-z][0-9][0-9A-Za-z.]*$/.test(q) || /^[A-Za-z][0-9]?$/.test(q);

/**
 * Search by code prefix ("E11", "e11.6") or by words ("type 2 diabet kidney": every word must start
 * a word of the description, or of a synonym, in any order), ranked as the Alphabetic Index and an
 * EHR picker would: a description or synonym that is exactly the words typed, then the practice's
 * common codes, then synonyms, then descriptions that start with the words, hold them as a phrase,
 * or hold them all somewhere. Within a tier results keep the code set's own order, which puts a
 * category's header before its codes, so a learner sees where a code sits.
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
		const exact = ` ${raw.join(' ')} `;
		const phrase = ` ${raw.join(' ')}`;
		// The rarest-looking (longest) word first: it rules out most entries with one scan.
		const words = raw.map((w) => ` ${w}`).sort((a, b) => b.length - a.length);
		const hay = index.haystack;
		const terms = index.terms;
		// Tiers, each in code-set order: 0 exactly the words typed, 1 a common code, 2 a synonym,
		// 3 the description starts with the words, 4 holds them as a phrase, 5 holds them all.
		const tiers: number[][] = [[], [], [], [], [], []];
		// Synonym hits land in tiers 0-2 only, so only those small tiers need sorting afterwards.
		const bySynonym = new Map<number, number>();
		if (terms)
			for (const s of terms.synonyms) {
				if (!words.every((w) => s.hay.includes(w))) continue;
				for (const i of s.positions) {
					const t = s.hay === exact ? 0 : terms.common[i] ? 1 : 2;
					if (t < (bySynonym.get(i) ?? 3)) bySynonym.set(i, t);
				}
			}
		const common = terms?.common;
		const synonymHits = bySynonym.size > 0;
		outer: for (let i = 0; i < hay.length; i++) {
			const h = hay[i]!;
			for (const w of words) if (!h.includes(w)) continue outer;
			const t = h === exact ? 0 : common?.[i] ? 1 : h.startsWith(phrase) ? 3 : h.includes(phrase) ? 4 : 5;
			const s = synonymHits ? bySynonym.get(i) : undefined;
			if (s === undefined) tiers[t]!.push(i);
			else if (t < s) bySynonym.set(i, t);
		}
		for (const [i, t] of bySynonym) tiers[t]!.push(i);
		for (let t = 0; t < 3; t++) tiers[t]!.sort((a, b) => a - b);
		for (const t of tiers) for (const i of t) positions.push(i);
	}
	return { entries: positions.slice(0, limit).map((i) => index.entries[i]!), total: positions.length };
}
