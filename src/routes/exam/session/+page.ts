import catalog from 'virtual:catalog';

// The session lives in IndexedDB and is named in the address (?id=): rendered in the browser only.
export const ssr = false;

export function load() {
	return { frameworks: catalog.frameworks };
}
