import staticAdapter from '@sveltejs/adapter-static';
import { writeFileList } from './scripts/file-list.js';

// A college may host the app under a sub-path (e.g. /sim): set BASE_PATH=/sim at build time.
const base = process.env.BASE_PATH ?? '';
// Where the static site is written (the tests also build a copy under a sub-path, and a next release).
const out = process.env.BUILD_DIR ?? 'build';
// SvelteKit's own working folder (generated code, the intermediate output it clears on each build): a
// build into another folder gets its own, so `npm test` can run the sub-path and next-release builds
// side by side without one clearing the other's files.
const outDir = out === 'build' ? '.svelte-kit' : `.svelte-kit/${out}`;

// The static adapter, then the list of what it wrote: the Instructors page packages the app for an LMS from it.
const inner = staticAdapter({ pages: out, assets: out, fallback: '404.html', strict: true });
/** @type {import('@sveltejs/kit').Adapter} */
const adapter = {
	name: 'static-with-file-list',
	async adapt(builder) {
		await inner.adapt(builder);
		writeFileList(out);
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// No `window.__svelte` version marker: it is a module of its own that every page fetches for nothing.
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter,
		outDir,
		// Relative asset paths: the same files run from any folder, which an LMS package needs.
		paths: { base, relative: true },
		// The offline worker (src/service-worker.ts) is registered by src/lib/offline.svelte.ts, which
		// leaves it out where it does not belong (an LMS package, a frame).
		serviceWorker: { register: false },
		// A release may be named (APP_VERSION=2026.12); otherwise the build's time. The offline worker's
		// cache is named after it, so each build is a new version to install.
		version: { name: process.env.APP_VERSION || undefined },
		// The LMS pages are opened by file name (lms/index.html), so they are written as folders too.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*', '/lms/', '/assignment/'] },
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
				// An assignment may report to the instructor's learning record store (xAPI): any https host,
				// or plain http on this computer only (a local LRS, the tests' stand-in).
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
