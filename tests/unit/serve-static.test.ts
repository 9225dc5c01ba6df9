/**
 * scripts/serve-static.mjs, the static host the e2e tests and `npm run preview`-like use rely on:
 * odd addresses get an answer (400 or 404), never the end of the process, 404.html is a page, and
 * text goes gzipped to a browser that accepts it, as a real host sends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = `export const lines = [${Array.from({ length: 400 }, (_, i) => `'line ${i}'`).join(', ')}];\n`;
let dir: string;
let server: ChildProcess;
let origin: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'serve-static-'));
	mkdirSync(join(dir, 'play'));
	writeFileSync(join(dir, 'index.html'), '<p>home</p>');
	writeFileSync(join(dir, 'play', 'index.html'), '<p>play</p>');
	writeFileSync(join(dir, '404.html'), '<p>not here</p>');
	writeFileSync(join(dir, 'app.js'), SCRIPT);
	writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096, 7));
	server = spawn(process.execPath, ['scripts/serve-static.mjs', dir, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
	origin = await new Promise<string>((ok, fail) => {
		server.stdout!.on('data', (b: Buffer) => {
			const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(b.toString());
			if (m) ok(m[1]!);
		});
		server.on('exit', (code) => fail(new Error(`the server ended (${code})`)));
	});
});
afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
});

/** A request with the headers a browser sends for a script, the body as it arrived. */
async function raw(path: string, headers: Record<string, string>): Promise<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }> {
	const { request } = await import('node:http');
	return new Promise((ok, fail) => {
		const u = new URL(origin);
		request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', fail)
			.end();
	});
}

/** A raw request: fetch would normalise the address before sending it. */
async function get(path: string): Promise<{ status: number; type: string; body: string }> {
	const { request } = await import('node:http');
	return new Promise((ok, fail) => {
		const u = new URL(origin);
		request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () => ok({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
		})
			.on('error', fail)
			.end();
	});
}

describe('serve-static', () => {
	it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
		for (const bad of ['/%E0%A4%A', '/%', '/play/%zz/', '/%C0%AF'])
			expect(await get(bad), bad).toMatchObject({ status: 400, body: expect.stringContaining('malformed percent-encoding') });
		expect(await get('/%00')).toMatchObject({ status: 400 });
		expect(server.exitCode).toBeNull();
		expect(await get('/play/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>play</p>' });
	});

	it('sends 404.html as a page (text/html), and nothing outside its folder', async () => {
		expect(await get('/no/such/page/')).toEqual({ status: 404, type: 'text/html; charset=utf-8', body: '<p>not here</p>' });
		expect(await get('/../../etc/passwd')).toMatchObject({ status: 404, body: '<p>not here</p>' });
		expect(await get('/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ status: 404, body: '<p>not here</p>' });
	});

	it('sends text gzipped to a browser that accepts gzip, the same bytes once decoded; images and plain requests as they are', async () => {
		const { gunzipSync } = await import('node:zlib');
		const zipped = await raw('/app.js', { 'accept-encoding': 'gzip, deflate, br' });
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.headers.vary).toMatch(/accept-encoding/i);
		expect(zipped.body.length).toBeLessThan(SCRIPT.length / 2);
		expect(gunzipSync(zipped.body).toString()).toBe(SCRIPT);
		const plainJs = await raw('/app.js', {});
		expect(plainJs.headers['content-encoding']).toBeUndefined();
		expect(plainJs.body.toString()).toBe(SCRIPT);
		const png = await raw('/icon.png', { 'accept-encoding': 'gzip' });
		expect(png.headers['content-encoding']).toBeUndefined();
		expect(png.body.length).toBe(4096);
	});
});
