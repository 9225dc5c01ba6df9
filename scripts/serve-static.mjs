// Serves the built folder as any static host would: files, directory index.html, 404.html for the rest.
// Usage: node scripts/serve-static.mjs [dir=build] [port=4173]; BASE_PATH=/sim serves it under /sim.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
const base = process.env.BASE_PATH ?? '';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain' };

/** The file a decoded path names inside root, or null. */
async function fileFor(decoded) {
	const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
	let full = join(root, safe);
	if (full !== root && !full.startsWith(root + sep)) return null;
	try {
		if ((await stat(full)).isDirectory()) full = join(full, 'index.html');
		await stat(full);
		return full;
	} catch {
		return null;
	}
}

const plain = (res, status, text) => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end(text);

async function serve(req, res) {
	const url = new URL(req.url ?? '/', 'http://localhost');
	let path = url.pathname;
	if (base && !path.startsWith(base)) return plain(res, 404, 'Not found');
	path = path.slice(base.length) || '/';
	let decoded;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		// A malformed percent-encoding (e.g. /%E0%A4%A) is the client's mistake, never the server's end.
		return plain(res, 400, 'Bad request: the address has a malformed percent-encoding');
	}
	if (decoded.includes('\0')) return plain(res, 400, 'Bad request: the address holds a NUL character');
	const file = await fileFor(decoded);
	const status = file ? 200 : 404;
	const body = await readFile(file ?? join(root, '404.html')).catch(() => null);
	if (!body) return plain(res, 404, 'Not found');
	// 404.html is a page: sent as text/html, so a browser shows it instead of downloading it.
	res.writeHead(status, { 'content-type': types[extname(file ?? '404.html')] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
	res.end(body);
}

const server = createServer((req, res) =>
	serve(req, res).catch((e) => {
		console.error(e);
		if (!res.headersSent) plain(res, 500, 'Server error');
		else res.destroy();
	})
);
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${base}/`));
