import type { Grader } from './grader';
import type { RuleResult } from '../types';
import { CARC, parseMoney, patientBalance, postingKey } from '../../office/remittance';
import { dollars } from '../../office/coding';
import { gradedFromRules } from './code';

export const remittance: Grader<'remittance'> = {
	choices: () => [],
	check(block, input) {
		if (input.kind !== 'remittance') return `expected a payment posting, got ${input.kind}`;
		if (!Array.isArray(input.lines) || input.lines.length !== block.lines.length) return `post all ${block.lines.length} lines of the remittance`;
		for (const [n, l] of input.lines.entries())
			for (const f of ['payment', 'adjustment', 'patient'] as const)
				if (typeof l?.[f] !== 'string' || parseMoney(l[f]) === undefined) return `line ${n + 1}: the ${f === 'patient' ? 'patient responsibility' : f} must be an amount in dollars, e.g. 12.50`;
		if (typeof input.balance !== 'string' || parseMoney(input.balance) === undefined) return 'the patient balance must be an amount in dollars, e.g. 40.00';
	},
	grade(block, input) {
		const { posting, reading } = block.scoring;
		const rules: RuleResult[] = [];
		const lines = input.kind === 'remittance' ? input.lines : [];
		const r = (competency: string, rule: string, ok: boolean, message: string): RuleResult => ({ rule, ok, earned: ok ? 1 : 0, possible: 1, competency, message });
		block.lines.forEach((line, n) => {
			const key = postingKey(line);
			const got = lines[n] ?? { payment: '', adjustment: '', patient: '' };
			const pay = parseMoney(got.payment);
			const adj = parseMoney(got.adjustment);
			const pat = parseMoney(got.patient);
			const codes = (groups: string[]) => line.adjustments.filter((a) => groups.includes(a.group)).map((a) => `${a.group}-${a.reason}`).join(', ');
			rules.push(
				r(posting, 'payment', pay === key.payment, pay === key.payment ? `${line.code}: payment ${dollars(key.payment)} posted.` : `${line.code}: post the payer's payment exactly as paid, ${dollars(key.payment)}.`)
			);
			let adjMsg = `${line.code}: write-off ${dollars(key.adjustment)}${codes(['CO', 'OA', 'PI']) ? ` (${codes(['CO', 'OA', 'PI'])})` : ''}.`;
			if (adj !== key.adjustment) {
				if (adj === key.adjustment + key.patient && key.patient > 0)
					adjMsg = `${line.code}: you wrote off the patient's share too. ${codes(['PR'])} is patient responsibility: it moves to the patient's balance, it is not written off. The write-off is ${dollars(key.adjustment)}.`;
				else if (key.adjustment > 0 && adj === 0)
					adjMsg = `${line.code}: the contractual adjustment (${codes(['CO', 'OA', 'PI'])}) of ${dollars(key.adjustment)} must be written off. ${CARC[line.adjustments.find((a) => a.group !== 'PR')?.reason ?? '']}`;
				else adjMsg = `${line.code}: the write-off is the CO/OA adjustments, ${dollars(key.adjustment)}, not ${dollars(adj ?? 0)}.`;
			}
			rules.push(r(posting, 'adjustment', adj === key.adjustment, adjMsg));
			let patMsg = `${line.code}: patient responsibility ${dollars(key.patient)}${codes(['PR']) ? ` (${codes(['PR'])})` : ''}.`;
			if (pat !== key.patient) {
				if (pat === key.patient + key.adjustment && key.adjustment > 0)
					patMsg = `${line.code}: ${codes(['CO'])} is a contractual adjustment: the practice agreed to the payer's rate, so it may never be billed to the patient (that would be balance billing). The patient owes ${dollars(key.patient)}.`;
				else
					patMsg = `${line.code}: the patient owes the PR amounts only, ${dollars(key.patient)}.${codes(['PR']) ? ` ${line.adjustments.filter((a) => a.group === 'PR').map((a) => `${a.group}-${a.reason}: ${CARC[a.reason] ?? 'see the X12 list.'}`).join(' ')}` : ''}`;
			}
			rules.push(r(reading, 'patient', pat === key.patient, patMsg));
		});
		const want = patientBalance(block);
		const got = input.kind === 'remittance' ? parseMoney(input.balance) : undefined;
		const owed = block.lines.reduce((s, l) => s + postingKey(l).patient, 0);
		rules.push(
			r(
				posting,
				'balance',
				got === want,
				got === want
					? `Patient balance ${dollars(want)}.`
					: got === owed && block.collected > 0
						? `The patient already paid ${block.collected.toFixed(2)} at the desk: take it off. The balance is ${dollars(want)}.`
						: `The patient balance is the patient responsibility (${dollars(owed)}) less what was paid at the desk (${block.collected.toFixed(2)}): ${dollars(want)}.`
			)
		);
		return gradedFromRules(rules, block.next, 'remittance');
	}
};
