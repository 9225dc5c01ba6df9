// Serves the built folder as any static host would: files, directory index.html, 404.html for the rest.
// Usage: node scripts/serve-static.mjs [dir=build] [port=4173]; BASE_PATH=/sim serves it under /sim.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
const base = process.env.BASE_PATH ?? '';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain' };

async function fileFor(pathname) {
	const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	let full = join(root, safe);
	if (!full.startsWith(root)) return null;
	try {
		if ((await stat(full)).isDirectory()) full = join(full, 'index.html');
		await stat(full);
		return full;
	} catch {
		return null;
	}
}

createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	let path = url.pathname;
	if (base && !path.startsWith(base)) return void res.writeHead(404).end('Not found');
	path = path.slice(base.length) || '/';
	const file = await fileFor(path);
	const status = file ? 200 : 404;
	const body = await readFile(file ?? join(root, '404.html')).catch(() => Buffer.from('Not found'));
	res.writeHead(status, { 'content-type': types[extname(file ?? '404.html')] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
	res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}/`));
