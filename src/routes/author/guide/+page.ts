import { Marked } from 'marked';
import guide from '../../../../docs/AUTHORING.md?raw';

// Our own document, rendered once at build: the guide ships with the app, not only in the repo.
export const prerender = true;

export function load() {
	return { html: new Marked({ gfm: true }).parse(guide, { async: false }) as string };
}
