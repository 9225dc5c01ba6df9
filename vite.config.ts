import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './scripts/vite-content-plugin';

export default defineConfig({
	// Unit tests read content through the pure loader, not the build's virtual modules.
	plugins: [...(process.env.VITEST ? [] : [contentPlugin()]), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
