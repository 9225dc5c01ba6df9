import catalog from 'virtual:catalog';

export function load() {
	return { scenarios: catalog.scenarios, frameworks: catalog.frameworks };
}
