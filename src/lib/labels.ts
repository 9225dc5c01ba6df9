/**
 * Labels a person reads: names for downloaded files, and how long work took. Pure.
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
