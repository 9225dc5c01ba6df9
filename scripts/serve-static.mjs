// Serves the built folder as any static host would: files, directory index.html, 404.html for the rest,
// text gzipped for a browser that asks (as GitHub Pages, Netlify or nginx do), so Lighthouse's
// simulated phone link carries the bytes a real host sends.
// Usage: node scripts/serve-static.mjs [dir=build] [port=4173]; BASE_PATH=/sim serves it under /sim.
// The offline tests import staticServer to serve a folder they can swap (a new version published).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, string>} */
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain' };

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.txt', '.tsv', '.xml']);
/** Gzipped bodies by file, kept while the file is unchanged (a test may publish another version in place). */
const gzipped = new Map();

/**
 * The body to send and its encoding: gzip when the browser accepts it and it is text worth compressing.
 * @param {string} file
 * @param {Buffer} body
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ body: Buffer, encoding?: string }>}
 */
async function encoded(file, body, req) {
	if (!compressible.has(extname(file)) || body.length < 1024 || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return { body };
	const { mtimeMs, size } = await stat(file);
	const key = `${file}|${mtimeMs}|${size}`;
	let gz = gzipped.get(key);
	if (!gz) gzipped.set(key, (gz = gzipSync(body)));
	return { body: gz, encoding: 'gzip' };
}

/**
 * The file a decoded path names inside root, or null.
 * @param {string} root
 * @param {string} decoded
 */
async function fileFor(root, decoded) {
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

/** @type {(res: import('node:http').ServerResponse, status: number, text: string) => void} */
const plain = (res, status, text) => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end(text);

/**
 * @param {string} root
 * @param {string} base
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function serve(root, base, req, res) {
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
	const file = await fileFor(root, decoded);
	const status = file ? 200 : 404;
	const body = await readFile(file ?? join(root, '404.html')).catch(() => null);
	if (!body) return plain(res, 404, 'Not found');
	const sent = await encoded(file ?? join(root, '404.html'), body, req);
	// 404.html is a page: sent as text/html, so a browser shows it instead of downloading it.
	res.writeHead(status, {
		'content-type': types[extname(file ?? '404.html')] ?? 'application/octet-stream',
		'cache-control': 'no-cache',
		vary: 'accept-encoding',
		...(sent.encoding ? { 'content-encoding': sent.encoding } : {})
	});
	res.end(sent.body);
}

/**
 * A server for the folder `rootOf()` names at each request (so a test can publish another version)
 * under `base`.
 * @param {() => string} rootOf
 * @param {string} base
 */
export function staticServer(rootOf, base = '') {
	return createServer((req, res) =>
		serve(resolve(rootOf()), base, req, res).catch((e) => {
			console.error(e);
			if (!res.headersSent) plain(res, 500, 'Server error');
			else res.destroy();
		})
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const root = resolve(process.argv[2] ?? 'build');
	const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
	const base = process.env.BASE_PATH ?? '';
	const server = staticServer(() => root, base);
	server.listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}${base}/`));
}
