import catalog from 'virtual:catalog';

export function load() {
	return { frameworks: catalog.frameworks, shipped: catalog.scenarios.map((s) => s.id) };
}
