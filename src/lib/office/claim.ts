/**
 * The CMS-1500 (02/12) as the office completes it: which fields exist, what the practice's records
 * say each should hold, and item-by-item checks with reasons. Pure; items follow the NUCC manual.
 */
import type { ClaimBlock, ClaimContext } from '../content/schema/billing';
import { isValidNpi } from './npi';
import { DX_LETTERS, dollars, lineCharge, toCents } from './coding';

/** The form as the learner fills it: field path → text. Lines are 24.<n>.<column>, n = 1…6. */
export type ClaimForm = Record<string, string>;

export type FieldKind = 'text' | 'name' | 'date8' | 'date' | 'money' | 'npi' | 'choice' | 'pointer' | 'code' | 'dx' | 'units' | 'ein';

export interface ClaimField {
	path: string;
	item: string;
	label: string;
	kind: FieldKind;
	options?: { value: string; label: string }[];
}

export const INSURANCE_TYPES = [
	{ value: 'medicare', label: 'Medicare' },
	{ value: 'medicaid', label: 'Medicaid' },
	{ value: 'tricare', label: 'TRICARE' },
	{ value: 'champva', label: 'CHAMPVA' },
	{ value: 'group', label: 'Group health plan' },
	{ value: 'feca', label: 'FECA black lung' },
	{ value: 'other', label: 'Other' }
];
const YES_NO = [
	{ value: 'yes', label: 'Yes' },
	{ value: 'no', label: 'No' }
];
const RELATIONSHIPS = [
	{ value: 'self', label: 'Self' },
	{ value: 'spouse', label: 'Spouse' },
	{ value: 'child', label: 'Child' },
	{ value: 'other', label: 'Other' }
];
const SEXES = [
	{ value: 'M', label: 'M' },
	{ value: 'F', label: 'F' }
];

export const LINE_COLUMNS = ['A', 'B', 'D', 'M', 'E', 'F', 'G', 'J'] as const;
const LINE_LABELS: Record<(typeof LINE_COLUMNS)[number], [string, FieldKind]> = {
	A: ['24A date of service', 'date'],
	B: ['24B place of service', 'text'],
	D: ['24D CPT/HCPCS', 'code'],
	M: ['24D modifiers', 'text'],
	E: ['24E diagnosis pointer', 'pointer'],
	F: ['24F charges', 'money'],
	G: ['24G units', 'units'],
	J: ['24J rendering provider NPI', 'npi']
};

/** Every field of the form, in reading order. */
export function claimFields(lineCount = 6): ClaimField[] {
	const f = (path: string, item: string, label: string, kind: FieldKind = 'text', options?: ClaimField['options']): ClaimField => ({
		path,
		item,
		label,
		kind,
		...(options ? { options } : {})
	});
	return [
		f('1', '1', '1 Insurance type', 'choice', INSURANCE_TYPES),
		f('1a', '1a', "1a Insured's ID number"),
		f('2', '2', "2 Patient's name (last, first, middle initial)", 'name'),
		f('3.dob', '3', "3 Patient's birth date (MM DD YYYY)", 'date8'),
		f('3.sex', '3', "3 Patient's sex", 'choice', SEXES),
		f('4', '4', "4 Insured's name (last, first, middle initial)", 'name'),
		f('5.street', '5', "5 Patient's address (street)"),
		f('5.city', '5', '5 City'),
		f('5.state', '5', '5 State'),
		f('5.zip', '5', '5 ZIP code'),
		f('6', '6', '6 Patient relationship to insured', 'choice', RELATIONSHIPS),
		f('7.street', '7', "7 Insured's address (street)"),
		f('7.city', '7', '7 City'),
		f('7.state', '7', '7 State'),
		f('7.zip', '7', '7 ZIP code'),
		f('9', '9', "9 Other insured's name", 'name'),
		f('9a', '9', "9a Other insured's policy or group number"),
		f('9d', '9', '9d Other insurance plan name'),
		f('11', '11', "11 Insured's policy group or FECA number"),
		f('11d', '11d', '11d Is there another health benefit plan?', 'choice', YES_NO),
		f('12', '12', "12 Patient's or authorized person's signature"),
		f('13', '13', "13 Insured's or authorized person's signature"),
		f('21.ind', '21', '21 ICD indicator'),
		...DX_LETTERS.map((l) => f(`21.${l}`, '21', `21 Diagnosis ${l}`, 'dx')),
		f('22.code', '22', '22 Resubmission code'),
		f('22.original', '22', '22 Original reference number'),
		f('23', '23', '23 Prior authorization number'),
		...Array.from({ length: lineCount }, (_, n) =>
			LINE_COLUMNS.map((c) => f(`24.${n + 1}.${c}`, '24', `Line ${n + 1}: ${LINE_LABELS[c][0]}`, LINE_LABELS[c][1]))
		).flat(),
		f('25', '25', '25 Federal tax ID number (EIN)', 'ein'),
		f('26', '26', "26 Patient's account number"),
		f('27', '27', '27 Accept assignment?', 'choice', YES_NO),
		f('28', '28', '28 Total charge', 'money'),
		f('31', '31', '31 Signature of physician or supplier'),
		f('32.name', '32', '32 Service facility name'),
		f('32.address', '32', '32 Service facility address'),
		f('32a', '32', '32a Service facility NPI', 'npi'),
		f('33.name', '33', '33 Billing provider name'),
		f('33.address', '33', '33 Billing provider address and phone'),
		f('33a', '33', '33a Billing provider NPI', 'npi')
	];
}

// Claims are sent in plain capitals: accents are folded (HÉCTOR → HECTOR), as clearinghouses do.
const upper = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
const nameOnClaim = (last: string, first: string) => upper(`${last}, ${first}`);
const isoToMmDdYyyy = (iso: string) => {
	const [y, m, d] = iso.split('-');
	return `${m} ${d} ${y}`;
};

/** The patient's account number: the practice-management system's number for this patient. */
export function accountNumber(patientId: string): string {
	let h = 0;
	for (const ch of patientId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return `A${String(h % 900000 + 100000)}`;
}

function insuranceType(payerType: string, groupNumber: string | undefined): string {
	switch (payerType) {
		case 'medicare':
			return 'medicare';
		case 'medicaid':
			return 'medicaid';
		case 'tricare':
			return 'tricare';
		case 'commercial':
			// An employer plan (it has a group number) is a group health plan; an individual policy is "other".
			return groupNumber ? 'group' : 'other';
		default:
			return 'other';
	}
}

/**
 * What a clean claim holds for this visit, from the practice's records. Blank means the item stays
 * empty. Some items accept more than one correct entry: see `alternatives`.
 */
export function expectedClaim(block: ClaimBlock, ctx: ClaimContext): ClaimForm {
	const p = ctx.patient;
	const cov = ctx.coverage;
	const self = cov.subscriber === 'self';
	const insuredName = self ? nameOnClaim(p.lastName, p.firstName) : (() => {
		const [first, ...rest] = (cov.subscriber as { name: string }).name.split(' ');
		return nameOnClaim(rest.join(' '), first!);
	})();
	const out: ClaimForm = {
		'1': insuranceType(cov.payerType, cov.groupNumber),
		'1a': cov.memberId,
		'2': nameOnClaim(p.lastName, p.firstName),
		'3.dob': isoToMmDdYyyy(p.dob),
		'3.sex': p.sex === 'X' ? '' : p.sex,
		'4': insuredName,
		'5.street': upper(p.address.street),
		'5.city': upper(p.address.city),
		'5.state': p.address.state,
		'5.zip': p.address.zip,
		'6': self ? 'self' : (cov.subscriber as { relationship: string }).relationship,
		'7.street': upper(p.address.street),
		'7.city': upper(p.address.city),
		'7.state': p.address.state,
		'7.zip': p.address.zip,
		'11': cov.payerType === 'medicare' && !cov.secondary ? 'NONE' : (cov.groupNumber ?? ''),
		'11d': cov.payerType === 'medicare' && !cov.secondary ? '' : ctx.otherCoverage ? 'yes' : 'no',
		'12': 'SOF',
		'13': 'SOF',
		'21.ind': '0',
		'22.code': block.resubmission?.code ?? '',
		'22.original': block.resubmission?.original ?? '',
		'23': block.priorAuthorization ?? '',
		'25': ctx.clinic.taxId.replace('-', ''),
		'26': accountNumber(p.id),
		'27': 'yes',
		'31': 'SOF',
		'32.name': upper(ctx.clinic.name),
		'32.address': upper(`${ctx.clinic.address.street}, ${ctx.clinic.address.city}, ${ctx.clinic.address.state} ${ctx.clinic.address.zip}`),
		'32a': ctx.clinic.npi,
		'33.name': upper(ctx.clinic.name),
		'33.address': upper(`${ctx.clinic.address.street}, ${ctx.clinic.address.city}, ${ctx.clinic.address.state} ${ctx.clinic.address.zip} ${ctx.clinic.phone}`),
		'33a': ctx.clinic.npi
	};
	// Medicare leaves 11d blank and uses item 9 only for Medigap crossovers, which it arranges itself.
	if (ctx.otherCoverage && !(cov.payerType === 'medicare' && !cov.secondary)) {
		const o = ctx.otherCoverage;
		const oName = o.subscriber === 'self' ? nameOnClaim(p.lastName, p.firstName) : (() => {
			const [first, ...rest] = (o.subscriber as { name: string }).name.split(' ');
			return nameOnClaim(rest.join(' '), first!);
		})();
		Object.assign(out, { '9': oName, '9a': o.groupNumber ?? o.memberId, '9d': upper(o.payerName) });
	}
	DX_LETTERS.forEach((l, i) => (out[`21.${l}`] = block.superbill.diagnoses[i] ?? ''));
	let total = 0;
	block.superbill.lines.forEach((line, n) => {
		const charge = lineCharge(ctx.fees, line.code, line.units) ?? 0;
		total += charge;
		const at = `24.${n + 1}`;
		Object.assign(out, {
			[`${at}.A`]: isoToMmDdYyyy(ctx.date),
			[`${at}.B`]: '11',
			[`${at}.D`]: line.code,
			[`${at}.M`]: line.modifiers.join(' '),
			[`${at}.E`]: line.diagnoses.map((d) => DX_LETTERS[block.superbill.diagnoses.indexOf(d)]).join(''),
			[`${at}.F`]: dollars(charge),
			[`${at}.G`]: String(line.units),
			[`${at}.J`]: ctx.provider.npi
		});
	});
	out['28'] = dollars(total);
	return out;
}

/** The form as the practice-management system starts it: the prefilled items, then the block's given values. */
export function startingClaim(block: ClaimBlock, ctx: ClaimContext): ClaimForm {
	const expected = expectedClaim(block, ctx);
	const out: ClaimForm = {};
	for (const f of claimFields(block.superbill.lines.length)) if (block.prefilled.includes(f.item as never)) out[f.path] = expected[f.path] ?? '';
	return { ...out, ...block.given };
}

/** Parses the date formats a biller types (MM DD YYYY, MM/DD/YYYY, MMDDYYYY, MM DD YY) to ISO, or undefined. */
export function parseClaimDate(text: string, needFourDigitYear: boolean): string | undefined {
	const m = /^(\d{2})[\s/-]?(\d{2})[\s/-]?(\d{2}|\d{4})$/.exec(text.trim());
	if (!m) return undefined;
	if (needFourDigitYear && m[3]!.length !== 4) return undefined;
	const year = m[3]!.length === 4 ? m[3]! : `20${m[3]}`;
	const month = Number(m[1]);
	const day = Number(m[2]);
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	return `${year}-${m[1]}-${m[2]}`;
}

/** Normalises a typed value for comparison: case, spacing and punctuation a payer would ignore. */
export function normalize(kind: FieldKind, value: string): string {
	const v = (value ?? '').trim();
	switch (kind) {
		case 'name':
			return upper(v).replace(/\s*,\s*/g, ', ').replace(/[.]/g, '').replace(/\s+/g, ' ');
		case 'date8':
			return parseClaimDate(v, true) ?? `invalid:${v}`;
		case 'date':
			return parseClaimDate(v, false) ?? `invalid:${v}`;
		case 'money': {
			if (!v) return '';
			const n = Number(v.replace(/[$,\s]/g, ''));
			return Number.isFinite(n) ? dollars(toCents(n)) : `invalid:${v}`;
		}
		case 'ein':
			return v.replace(/[-\s]/g, '');
		case 'pointer':
			return upper(v).replace(/[\s,]/g, '');
		case 'dx':
		case 'code':
			return upper(v).replace(/\s/g, '');
		default:
			return upper(v).replace(/\s+/g, ' ').replace(/\s*,\s*/g, ', ');
	}
}

/** Items where the NUCC manual or payers allow more than one entry. */
function acceptable(path: string, expected: string, ctx: ClaimContext): string[] | 'any' {
	const self = ctx.coverage.subscriber === 'self';
	const medicarePrimary = ctx.coverage.payerType === 'medicare' && !ctx.coverage.secondary;
	// Medicare does not use 11d, and Medigap details in item 9 depend on the crossover agreement: not graded.
	if (medicarePrimary && (path === '11d' || path === '9' || path === '9a' || path === '9d')) return 'any';
	if (path === '1' && ctx.coverage.payerType === 'medicare-advantage') return ['other', 'group'];
	if (path === '4' && self) return [expected, '', 'SAME'];
	// Item 6 goes with item 4: when the insured is the patient and item 4 is left blank, 6 may be too.
	if (path === '6' && self) return [expected, ''];
	if (/^7\./.test(path) && self) return [expected, '', ...(path === '7.street' ? ['SAME'] : [])];
	if (path === '31') return ['SOF', 'SIGNATURE ON FILE', upper(`${ctx.provider.name} ${ctx.provider.credentials}`), upper(`${ctx.provider.name}, ${ctx.provider.credentials}`), upper(ctx.provider.name)];
	if (path === '12' || path === '13') return ['SOF', 'SIGNATURE ON FILE'];
	return [expected];
}

export interface ClaimCheck {
	path: string;
	item: string;
	ok: boolean;
	message: string;
	/** Which scoring group the item belongs to. */
	group: 'claim' | 'coding';
}

const CODING_ITEMS = new Set(['21', '24']);

/**
 * Checks every item that has an expected value or was filled in. Format problems (an NPI whose
 * check digit fails, a pointer beyond the last diagnosis, a total that is not the sum) are named
 * before a plain mismatch, because they are what a clearinghouse rejects.
 */
export function checkClaim(block: ClaimBlock, ctx: ClaimContext, form: ClaimForm): ClaimCheck[] {
	const expected = expectedClaim(block, ctx);
	const fields = claimFields(6);
	const out: ClaimCheck[] = [];
	const filledDx = DX_LETTERS.filter((l) => (form[`21.${l}`] ?? '').trim() !== '').length;
	const lineSum = Array.from({ length: 6 }, (_, n) => normalize('money', form[`24.${n + 1}.F`] ?? ''))
		.filter((v) => v && !v.startsWith('invalid'))
		.reduce((s, v) => s + toCents(Number(v)), 0);
	for (const f of fields) {
		const want = expected[f.path] ?? '';
		const got = form[f.path] ?? '';
		if (want === '' && got.trim() === '') continue;
		const group = CODING_ITEMS.has(f.item) ? 'coding' : 'claim';
		const accepted = acceptable(f.path, want, ctx);
		if (accepted === 'any') continue;
		const ok = accepted.some((a) => normalize(f.kind, a) === normalize(f.kind, got));
		const taught = ok ? undefined : block.wrong.find((w) => normalize(f.kind, w.code) === normalize(f.kind, got));
		const message = ok ? `${f.label}: ${got.trim() || '(blank)'}` : taught ? `${f.label}: ${got.trim()} should be ${want}. ${taught.teach}` : explain(f, want, got, { filledDx, lineSum, ctx });
		out.push({ path: f.path, item: f.item, ok, message, group });
	}
	return out;
}

function explain(f: ClaimField, want: string, got: string, env: { filledDx: number; lineSum: number; ctx: ClaimContext }): string {
	const g = got.trim();
	const show = (v: string) => (v === '' ? 'blank' : `"${v}"`);
	if (want === '') return `${f.label} should be blank, not ${show(g)}.`;
	if (f.path === '11' && want === 'NONE') return `${f.label}: write NONE when Medicare is primary: it tells Medicare that no other insurance pays first.`;
	if (g === '') return `${f.label} is blank: it should be ${show(f.options?.find((o) => o.value === want)?.label ?? want)}.`;
	switch (f.kind) {
		case 'npi':
			if (!isValidNpi(g.replace(/\s/g, ''))) return `${f.label}: ${show(g)} is not a valid NPI (10 digits with a check digit that passes). Copy it from the provider file: ${want}.`;
			if (f.path.endsWith('.J') && g === env.ctx.clinic.npi) return `${f.label}: that is the group's NPI. 24J takes the rendering provider's own NPI (${want}).`;
			if ((f.path === '33a' || f.path === '32a') && g === env.ctx.provider.npi) return `${f.label}: that is the provider's own NPI. The practice bills as a group, so this takes the group's NPI (${want}).`;
			return `${f.label}: ${show(g)} is a valid NPI but not the right one (${want}).`;
		case 'date8':
			if (normalize('date8', g).startsWith('invalid')) return `${f.label}: write the birth date as MM DD YYYY (8 digits), e.g. ${want}.`;
			return `${f.label}: ${show(g)} does not match the registration (${want}).`;
		case 'date':
			if (normalize('date', g).startsWith('invalid')) return `${f.label}: write the date as MM DD YY or MM DD YYYY, e.g. ${want}.`;
			return `${f.label}: the date of service is ${want}.`;
		case 'pointer': {
			if (/\d/.test(g) || g.includes('.')) return `${f.label}: enter the letters of item 21 (e.g. ${want}), not the ICD codes.`;
			const letters = normalize('pointer', g);
			const beyond = letters.split('').find((l) => DX_LETTERS.indexOf(l) < 0 || DX_LETTERS.indexOf(l) >= env.filledDx);
			if (beyond) return `${f.label}: ${beyond} points past the last diagnosis in item 21. Pointers are letters A–L that name a filled diagnosis; it should be ${want}.`;
			return `${f.label}: should be ${want}, the diagnosis this service treats listed first.`;
		}
		case 'money':
			if (f.path === '28' && normalize('money', g) !== dollars(env.lineSum))
				return `${f.label}: ${show(g)} is not the sum of the line charges (${dollars(env.lineSum)}); it should be ${want}.`;
			if (f.path === '28') return `${f.label}: the line charges should add up to ${want}; fix the lines first.`;
			return `${f.label}: the fee schedule charge for this line is ${want}.`;
		case 'ein':
			return `${f.label}: the practice's EIN is ${env.ctx.clinic.taxId}.`;
		case 'dx':
			if (normalize('dx', g).replace('.', '') === want.replace('.', '')) return `${f.label}: write ${want} exactly as on the superbill.`;
			return `${f.label}: should be ${want}, in the superbill's order (the primary diagnosis is A).`;
		case 'name':
			return `${f.label}: write it LAST, FIRST exactly as on the insurance card: ${want}.`;
		default: {
			if (f.path === '1a') return `${f.label}: ${show(g)} does not match the card on file (${want}). A wrong ID is the most common reason a claim comes back "patient not identified".`;
			if (f.path === '21.ind') return `${f.label}: enter 0 for ICD-10-CM.`;
			if (f.path === '24.1.B' || /^24\.\d\.B$/.test(f.path)) return `${f.label}: the place of service for a visit in the office is ${want}.`;
			if (/^24\.\d\.M$/.test(f.path)) return `${f.label}: should be ${want || 'blank'}.`;
			if (f.path === '22.code') return `${f.label}: a corrected claim carries frequency code ${want} (7 replaces the original; 8 voids it).`;
			if (f.path === '22.original') return `${f.label}: the payer's claim number of the original, ${want}.`;
			const label = f.options?.find((o) => o.value === want)?.label ?? want;
			return `${f.label}: should be ${show(label)}, not ${show(f.options?.find((o) => o.value === g)?.label ?? g)}.`;
		}
	}
}
