import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';

// SvelteKit's working folder for this build (svelte.config.js): where the client's stylesheets are while prerendering.
const OUT = process.env.BUILD_DIR && process.env.BUILD_DIR !== 'build' ? `.svelte-kit/${process.env.BUILD_DIR}` : '.svelte-kit';
const STYLESHEET = /<link href="([^"]*?(_app\/immutable\/assets\/[^"/]+\.css))" rel="stylesheet">/g;

/**
 * A prerendered scenario page carries every stylesheet it needs in its HTML, so its preview paints as soon
 * as the page has arrived (Lighthouse on mobile: the first paint, and the LCP with it, waited on the
 * stylesheet files; docs/PERFORMANCE.md). Only these pages: they are not in the offline app's precache,
 * where the layout's stylesheet copied into every page would cost the budget. The link stays, disabled,
 * as SvelteKit leaves it for the stylesheets it inlines itself, so the client does not fetch it again.
 */
export const handle: Handle = ({ event, resolve }) => {
	if (!building || event.route.id !== '/play/[id]') return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(STYLESHEET, (_, href: string, file: string) => `<style>${readFileSync(join(OUT, 'output/client', file), 'utf8')}</style><link href="${href}" rel="stylesheet" disabled media="(max-width: 0)">`)
	});
};
