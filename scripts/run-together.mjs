// Runs npm scripts side by side (`node scripts/run-together.mjs build:subpath build:next`) and fails if
// any of them fails: `npm test`'s second and third builds, which write to folders of their own
// (svelte.config.js gives each its own SvelteKit working folder too). Each line is prefixed with its script.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const names = process.argv.slice(2);
if (names.length === 0) {
	console.error('usage: node scripts/run-together.mjs <npm script> [<npm script>…]');
	process.exit(2);
}
const started = Date.now();
const runs = names.map(
	(name) =>
		new Promise((resolve) => {
			const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
			for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
			child.on('error', (e) => {
				console.error(`[${name}] could not start: ${e.message}`);
				resolve(1);
			});
			child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
		})
);
const codes = await Promise.all(runs);
const failed = names.filter((_, i) => codes[i] !== 0);
console.log(`${names.join(' + ')}: ${failed.length ? `failed (${failed.join(', ')})` : 'done'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed.length ? 1 : 0);
