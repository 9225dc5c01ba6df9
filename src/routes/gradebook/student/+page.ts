import catalog from 'virtual:catalog';
import { shiftList } from 'virtual:shifts';

// Read from the gradebook kept in the instructor's browser (IndexedDB): client only.
export const ssr = false;

export function load() {
	return { scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, minutes: s.minutes })), frameworks: catalog.frameworks, shifts: shiftList.map((s) => ({ id: s.id, title: s.title })) };
}
