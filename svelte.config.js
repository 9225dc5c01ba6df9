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
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
