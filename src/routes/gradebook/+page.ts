import catalog from 'virtual:catalog';

export function load() {
	return { scenarios: catalog.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, minutes: s.minutes })) };
}
