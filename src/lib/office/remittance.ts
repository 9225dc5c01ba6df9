/**
 * Reading a remittance (EOB/ERA) and posting it to the patient ledger. Group codes say who owes an
 * adjustment: CO the practice writes it off by contract, PR the patient owes it, OA/PI other.
 */
import type { RemittanceBlock } from '../content/schema/billing';
import { dollars, toCents } from './coding';

/** Claim adjustment reason codes the content uses, in our words (X12 CARC list). */
export const CARC: Record<string, string> = {
	'1': 'Deductible: the patient owes this amount toward the plan deductible.',
	'2': 'Coinsurance: the patient owes this share of the allowed amount.',
	'3': 'Copay: the patient owes the fixed copay.',
	'4': 'The modifier is missing or does not fit the procedure code.',
	'11': 'The diagnosis does not support the procedure (they are inconsistent).',
	'16': 'The claim lacks information or has a billing error; fix and resubmit it (the remark code says what).',
	'18': 'Exact duplicate of a claim already received.',
	'22': 'Another payer may be primary (coordination of benefits).',
	'27': 'The service was after the coverage ended.',
	'29': 'The time limit for filing has expired.',
	'31': 'The patient cannot be identified as this payer\'s insured.',
	'45': 'Charge exceeds the fee schedule or contracted amount: the difference is written off.',
	'50': 'The payer does not consider the service medically necessary.',
	'96': 'Non-covered charge.',
	'97': 'Bundled: payment is included in another service paid on the same claim.',
	'109': 'Not covered by this payer: send the claim to the right payer.',
	'146': 'The diagnosis was invalid for the date of service.',
	'197': 'Precertification, authorization or notification was missing.',
	'204': 'The service is not covered by the patient\'s current benefit plan.'
};

/** Remark codes (RARC) the content uses, in our words. */
export const RARC: Record<string, string> = {
	M76: 'Missing, incomplete or invalid diagnosis.',
	N130: 'Check the plan\'s benefit documents for what it covers.',
	N290: 'Missing or invalid rendering provider identifier.',
	MA130: 'The claim is unprocessable: correct it and submit it as a new claim (no appeal rights on this one).',
	N54: 'The claim was processed under a different payer\'s rules; check coordination of benefits.',
	N479: 'Missing explanation of benefits from the primary payer (coordination of benefits).',
	M86: 'Service denied because payment was already made for the same or a similar procedure.'
};

export interface PostingKey {
	payment: number;
	/** Written off: contractual and other adjustments (CO, OA, PI), in cents. */
	adjustment: number;
	/** Moved to the patient: PR adjustments, in cents. */
	patient: number;
}

export function postingKey(line: RemittanceBlock['lines'][number]): PostingKey {
	const sum = (groups: string[]) => line.adjustments.filter((a) => groups.includes(a.group)).reduce((s, a) => s + toCents(a.amount), 0);
	return { payment: toCents(line.paid), adjustment: sum(['CO', 'OA', 'PI']), patient: sum(['PR']) };
}

/** What the patient owes for this visit after posting: their share less what they paid at the desk. */
export function patientBalance(block: Pick<RemittanceBlock, 'lines' | 'collected'>): number {
	return block.lines.reduce((s, l) => s + postingKey(l).patient, 0) - toCents(block.collected);
}

/** A remittance line must balance: billed = paid + every adjustment. Returns a message when it does not. */
export function unbalancedLine(line: RemittanceBlock['lines'][number]): string | undefined {
	const adj = line.adjustments.reduce((s, a) => s + toCents(a.amount), 0);
	if (toCents(line.billed) !== toCents(line.paid) + adj)
		return `${line.code}: billed ${dollars(toCents(line.billed))} is not paid ${dollars(toCents(line.paid))} plus adjustments ${dollars(adj)}`;
	const co45 = line.adjustments.filter((a) => a.group === 'CO' && a.reason === '45').reduce((s, a) => s + toCents(a.amount), 0);
	if (co45 && toCents(line.billed) - toCents(line.allowed) !== co45)
		return `${line.code}: CO-45 should be billed less allowed (${dollars(toCents(line.billed) - toCents(line.allowed))})`;
}

/** Parses money as typed ("$1,234.50", "12", "-5") to cents, or undefined when it is not money. */
export function parseMoney(text: string): number | undefined {
	const v = text.trim().replace(/[$,\s]/g, '');
	if (!/^-?\d+(\.\d{1,2})?$/.test(v)) return undefined;
	return toCents(Number(v));
}
