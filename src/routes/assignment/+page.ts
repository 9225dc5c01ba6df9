import catalog from 'virtual:catalog';

// The assignment is in the address fragment (#a=…), which only the browser sees.
export const ssr = false;

export function load() {
	return { scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, minutes: s.minutes })) };
}
