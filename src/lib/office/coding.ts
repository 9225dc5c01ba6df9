/**
 * What the structure of a procedure code says, without its (copyrighted) descriptor: office visits
 * 99202–99205 are new patients and 99211–99215 established, the last digit the level; preventive
 * visits 99381–99387 and 99391–99397 run through the same age bands.
 */
export interface VisitCode {
	family: 'office' | 'preventive';
	patient: 'new' | 'established';
	/** Office visits: 1–5 (99211 is 1). Preventive: the age band, 1 (under 1 year) … 7 (65 and over). */
	level: number;
}

export function visitCode(code: string): VisitCode | undefined {
	const m = /^99(2[01]|3[89])([1-7])$/.exec(code);
	if (!m) return undefined;
	const level = Number(m[2]);
	switch (m[1]) {
		case '20':
			return level >= 2 && level <= 5 ? { family: 'office', patient: 'new', level } : undefined;
		case '21':
			return level >= 1 && level <= 5 ? { family: 'office', patient: 'established', level } : undefined;
		case '38':
			return { family: 'preventive', patient: 'new', level };
		case '39':
			return { family: 'preventive', patient: 'established', level };
	}
}

/** Preventive age bands, by the patient's age in whole years on the date of service. */
export const PREVENTIVE_BANDS = [
	{ band: 1, label: 'under 1 year', from: 0, to: 0 },
	{ band: 2, label: 'age 1 to 4', from: 1, to: 4 },
	{ band: 3, label: 'age 5 to 11', from: 5, to: 11 },
	{ band: 4, label: 'age 12 to 17', from: 12, to: 17 },
	{ band: 5, label: 'age 18 to 39', from: 18, to: 39 },
	{ band: 6, label: 'age 40 to 64', from: 40, to: 64 },
	{ band: 7, label: 'age 65 or older', from: 65, to: 200 }
] as const;

/** The claim's diagnosis letters, A–L, in item 21 order. */
export const DX_LETTERS = 'ABCDEFGHIJKL'.split('');

/** Money as whole cents, so sums never drift. */
export const toCents = (dollars: number) => Math.round(dollars * 100);
export const dollars = (cents: number) => (cents / 100).toFixed(2);

export interface FeeLookup {
	code: string;
	fee: number;
}

/** The charge for a line: the practice's fee times the units (the fee schedule, not the payer's rate). */
export function lineCharge(fees: readonly FeeLookup[], code: string, units: number): number | undefined {
	const fee = fees.find((f) => f.code === code)?.fee;
	return fee === undefined ? undefined : toCents(fee) * units;
}
