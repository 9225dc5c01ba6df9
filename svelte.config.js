import adapter from '@sveltejs/adapter-static';

// A college may host the app under a sub-path (e.g. /sim): set BASE_PATH=/sim at build time.
const base = process.env.BASE_PATH ?? '';
// Where the static site is written (the tests also build a copy under a sub-path).
const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: '404.html', strict: true }),
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// A strict Content-Security-Policy in every page: scripts only from the site itself (SvelteKit's
		// own start-up script by hash), no eval, no plugins, no framing. Inline style attributes stay
		// allowed because components set widths and colours with them.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
