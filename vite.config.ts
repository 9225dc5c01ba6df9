import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './scripts/vite-content-plugin';

export default defineConfig({
	// Unit tests read content through the pure loader, not the build's virtual modules.
	plugins: [...(process.env.VITEST ? [] : [contentPlugin()]), sveltekit()],
	// Dexie's package entry wraps its UMD build; its ES module build is about 2 KB gzip smaller in
	// every page (the app imports Dexie from one module only, so the dual-package guard is not needed).
	resolve: { alias: process.env.VITEST ? [] : [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		setupFiles: ['tests/unit/setup-graders.ts'],
		environment: 'node',
		// Property tests run thousands of inputs; on a loaded two-core machine that can pass 5 s. Time is
		// never what a unit test asserts, so the limit only catches a hang.
		testTimeout: 60_000
	}
});
