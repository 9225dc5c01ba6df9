import catalog from 'virtual:catalog';

export function load() {
	return { frameworks: catalog.frameworks };
}
