import catalog from 'virtual:catalog';
import { shiftList } from 'virtual:shifts';

// Everything happens in the instructor's browser (files read locally, replays rendered there).
export const ssr = false;

export function load() {
	return { scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, minutes: s.minutes })), frameworks: catalog.frameworks, shifts: shiftList.map((s) => ({ id: s.id, title: s.title })) };
}
