/** Dates as a person types them at the records desk. Pure and tiny: the engine's graders load it on every scenario page. */

/**
 * A date of birth as a person types it: 02/09/1954, 2/9/1954, 02-09-1954 or 1954-02-09. Returns the
 * ISO date, undefined for an empty field, or null for one that is not a date.
 */
export function parseDob(text: string): string | undefined | null {
	const t = text.trim();
	if (!t) return undefined;
	let y: number, m: number, d: number;
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
	if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
