/**
 * Labels a person reads: names for downloaded files, how long work took, storage sizes, a/an, and
 * the phrases that say what a figure is. Pure.
 */

/**
 * A name or title as part of a file name: accents folded to their letters ("José Núñez" →
 * "jose-nunez"), letters of any script kept ("李雷" stays), everything else a single dash, lower-case.
 * `fallback` when nothing is left.
 */
export function fileSlug(text: string, fallback: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || fallback;
}

/** Time on a piece of work: "under a minute" below 60 seconds (never "0 min"), else whole minutes. */
export function timeSpent(seconds: number): string {
	if (!(seconds >= 60)) return 'under a minute';
	return `${Math.round(seconds / 60)} min`;
}

/** A storage size as people say it: "12 KB", "340 MB", "1.5 GB", "10 GB" (never "10240.4 MB"). */
export function storageSize(bytes: number): string {
	const units = ['KB', 'MB', 'GB', 'TB'] as const;
	let n = Math.max(bytes, 1024) / 1024;
	let u = 0;
	while (n >= 1024 && u < units.length - 1) {
		n /= 1024;
		u++;
	}
	// One decimal below 10 (1.5 GB), whole above (340 MB); a trailing ".0" dropped.
	const shown = n < 10 && u > 0 ? String(Math.round(n * 10) / 10) : String(Math.round(n));
	return `${shown} ${units[u]}`;
}

/** "a" or "an" before a phrase, by how it sounds: "an Established patient follow-up", "a New patient visit", "a unit". */
export function withArticle(phrase: string): string {
	const w = phrase.trim().toLowerCase();
	const an = /^(hour|honest|heir)/.test(w) || (/^[aeiou]/.test(w) && !/^(uni|use|usu|eu|one|once)/.test(w));
	return `${an ? 'an' : 'a'} ${phrase.trim()}`;
}

/** How much evidence a domain has, in words: "no items answered yet", "only 1 item answered so far". */
export function answeredSoFar(n: number): string {
	return n === 0 ? 'no items answered yet' : `only ${n} item${n === 1 ? '' : 's'} answered so far`;
}

/** A domain's share of the real exam, said as the blueprint's share: "10 of the exam's 110 scored items", "15% of the exam". */
export function blueprintShare(domain: { items?: number; weight?: number }, scoredItems: number): string {
	return domain.items !== undefined ? `${domain.items} of the exam's ${scoredItems} scored items` : `${Math.round((domain.weight ?? 0) * 100)}% of the exam`;
}

/** An item's rationale for its right answer without a leading "Right." (the label already says so). */
export function keyRationale(why: string): string {
	const rest = why.replace(/^\s*(Right|Correct)[.!:]\s*/, '');
	return rest ? rest[0]!.toUpperCase() + rest.slice(1) : why;
}

/** A share 0..1 as a whole percent: "83%". */
export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A date in words, in the reader's language: "7 December 2026". */
export const longDate = (t: number) => new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
