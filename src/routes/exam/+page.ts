import catalog from 'virtual:catalog';

export function load() {
	return { frameworks: catalog.frameworks, titles: new Map(catalog.scenarios.map((s) => [s.id, s.title])) };
}
