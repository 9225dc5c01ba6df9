import type { Interaction } from '../../src/lib/content/schema/scenario';
import type { Input } from '../../src/lib/engine/types';
import { acceptedDates, acceptedTypes } from '../../src/lib/ehr/documents';

/** An index step's key as a learner's input: each page filed to its patient, first accepted type and date (typed MM/DD/YYYY), or set aside. */
export function indexKeyInput(it: Extract<Interaction, { kind: 'index' }>, pick: 'first' | 'last' = 'first'): Input {
	const choose = <T>(list: T[]) => (pick === 'first' ? list[0]! : list[list.length - 1]!);
	const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
	return {
		kind: 'index',
		filed: Object.fromEntries(
			it.block.documents.map((d) => [d.id, d.misdirected ? { misdirected: true, patient: '', type: '', date: '' } : { misdirected: false, patient: d.patient!, type: choose(acceptedTypes(d)), date: us(choose(acceptedDates(d))) }])
		)
	};
}
