import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';
import { DX_LETTERS, dollars } from '../../src/lib/office/coding';
import { expectedClaim } from '../../src/lib/office/claim';
import { postingKey, patientBalance } from '../../src/lib/office/remittance';

/** The answer key of a billing step as a learner's input: it must earn full marks. */
export function billingKeyInput(it: Extract<Interaction, { kind: 'code' | 'claim' | 'remittance' | 'verify' }>): Input {
	if (it.kind === 'verify') return { kind: 'verify', actions: Object.fromEntries(it.block.rows.map((r) => [r.id, r.action])), collect: it.block.collect.amount.toFixed(2) };
	if (it.kind === 'code') {
		const dx = it.block.diagnoses.map((d) => d.code);
		return {
			kind: 'code',
			diagnoses: dx,
			lines: it.block.procedures.map((l) => ({ code: l.code, modifiers: l.modifiers, units: l.units, pointers: l.diagnoses.map((d) => DX_LETTERS[dx.indexOf(d)]).join('') }))
		};
	}
	if (it.kind === 'claim') {
		const want = expectedClaim(it.block, it.block.context);
		return { kind: 'claim', fields: Object.fromEntries(Object.entries(want).filter(([, v]) => v !== '')) };
	}
	return {
		kind: 'remittance',
		lines: it.block.lines.map((l) => {
			const k = postingKey(l);
			return { payment: dollars(k.payment), adjustment: dollars(k.adjustment), patient: dollars(k.patient) };
		}),
		balance: dollars(patientBalance(it.block))
	};
}
