import catalog from 'virtual:catalog';

export function load() {
	return { frameworks: catalog.frameworks, titles: Object.fromEntries(catalog.scenarios.map((s) => [s.id, s.title])) };
}
