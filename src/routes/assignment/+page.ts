import catalog from 'virtual:catalog';
import { shiftList } from 'virtual:shifts';

// The assignment is in the address fragment (#a=…), which only the browser sees.
export const ssr = false;

export function load() {
	return { scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, minutes: s.minutes })), frameworks: catalog.frameworks, shifts: shiftList.map((s) => ({ id: s.id, title: s.title, start: s.start, end: s.end })) };
}

// An LMS opens this page by its file name (assignment/index.html): keep that address as it is.
export const trailingSlash = 'ignore';
