/**
 * A stand-in learning record store for the tests: plain Node http on 127.0.0.1. It answers the
 * browser's CORS preflight, requires the xAPI version header and Basic auth with the configured key
 * and secret, checks every statement of a POST with Learning Locker's validator (the xapi-validation
 * package, what a Learning Locker LRS itself runs) and then with the stricter rules of xapi-spec.mjs
 * (which also refuse what that validator lets through: impossible dates, responses not in their
 * interaction type's format, repeated component ids, UUID versions beyond 5), and stores all of
 * them or none. It keeps every id it was sent, in order, so a test can see whether
 * anything was sent twice.
 *
 *   import { startLrs } from './lrs.mjs'; const lrs = await startLrs({ key, secret });
 *   node tests/support/lrs.mjs [port] [key] [secret]     (prints the endpoint, runs until stopped)
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { comparable, statementProblem } from './xapi-spec.mjs';
import { learningLockerProblem } from './xapi-validation.mjs';

const VERSION = '1.0.3';
const MAX_BODY = 5_000_000;

/**
 * @typedef {Record<string, unknown> & { id: string, stored: string }} StoredStatement
 * @typedef {object} Lrs
 * @property {string} endpoint the xAPI endpoint, ending in /
 * @property {number} port
 * @property {StoredStatement[]} statements what it stored, oldest first
 * @property {string[]} received every statement id it was sent in a POST, in order, stored or not
 * @property {string[][]} batches the statement ids of each POST, in order, stored or not
 * @property {{ method: string, path: string, status: number }[]} requests every request and its answer
 * @property {number | undefined} failWith when set, every statements request is answered with this status (to test retries)
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ port?: number, key?: string, secret?: string }} [options]
 * @returns {Promise<Lrs>}
 */
export async function startLrs({ port = 0, key = 'lrs-key', secret = 'lrs-secret' } = {}) {
	const expectedAuth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
	/** @type {Lrs} */
	const lrs = { endpoint: '', port: 0, statements: [], received: [], batches: [], requests: [], failWith: undefined, close: async () => {} };
	/** @type {Map<string, StoredStatement>} */
	const byId = new Map();

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		/** @param {number} status @param {unknown} [body] @param {Record<string, string>} [headers] */
		const send = (status, body, headers = {}) => {
			lrs.requests.push({ method: req.method ?? '', path: url.pathname, status });
			res.writeHead(status, {
				'X-Experience-API-Version': VERSION,
				'X-Experience-API-Consistent-Through': new Date().toISOString(),
				'Access-Control-Allow-Origin': req.headers.origin ?? '*',
				'Access-Control-Expose-Headers': 'X-Experience-API-Version, X-Experience-API-Consistent-Through',
				Vary: 'Origin',
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				...headers
			});
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		/** @param {number} status @param {string} message */
		const refuse = (status, message) => send(status, { error: true, message });

		if (req.method === 'OPTIONS') {
			return send(204, undefined, {
				'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
				'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
				'Access-Control-Max-Age': '600'
			});
		}
		if (!url.pathname.startsWith('/xapi/')) return refuse(404, `no resource at ${url.pathname}`);
		if (url.pathname === '/xapi/about' && req.method === 'GET') return send(200, { version: [VERSION] });

		// Communication 3.3: a 1.0.x version header on every request, else 400 with the reason.
		const version = req.headers['x-experience-api-version'];
		if (typeof version !== 'string') return refuse(400, 'the X-Experience-API-Version header is missing');
		if (!/^1\.0(?:\.\d+)?$/.test(version)) return refuse(400, `X-Experience-API-Version ${version} is not supported (1.0.x only)`);
		if (req.headers.authorization !== expectedAuth) return refuse(401, 'the key or secret is wrong');
		if (url.pathname !== '/xapi/statements') return refuse(404, `no resource at ${url.pathname}`);
		if (lrs.failWith) return refuse(lrs.failWith, 'the stand-in was told to fail');

		if (req.method === 'GET') {
			const one = url.searchParams.get('statementId');
			if (one) return byId.has(one) ? send(200, byId.get(one)) : refuse(404, `no statement ${one}`);
			return send(200, { statements: [...lrs.statements].reverse(), more: '' });
		}
		if (req.method !== 'POST') return refuse(405, `${req.method} is not supported here`);

		const chunks = /** @type {Buffer[]} */ ([]);
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size <= MAX_BODY) chunks.push(c);
		});
		req.on('end', () => {
			if (size > MAX_BODY) return refuse(413, 'the request is too large');
			if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(400, 'the Content-Type must be application/json');
			/** @type {unknown} */
			let body;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				return refuse(400, 'the body is not JSON');
			}
			// Statements are checked one by one below; until then they are whatever JSON arrived.
			const batch = /** @type {any[]} */ (Array.isArray(body) ? body : [body]);
			const sentIds = batch.flatMap((s) => (s && typeof s === 'object' && 'id' in s && typeof s.id === 'string' ? [s.id] : []));
			lrs.received.push(...sentIds);
			lrs.batches.push(sentIds);
			// Every statement is checked before any is stored: a batch is stored whole or not at all.
			for (const [i, s] of batch.entries()) {
				const problem = learningLockerProblem(s) ?? statementProblem(s);
				if (problem) return refuse(400, `statement ${i + 1} of ${batch.length}${s?.id ? ` (${s.id})` : ''}: ${problem}`);
			}
			const ids = batch.map((s) => s.id).filter(Boolean);
			const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
			if (repeated) return refuse(400, `the batch holds statement ${repeated} twice`);
			for (const s of batch) {
				const had = s.id ? byId.get(s.id) : undefined;
				// Communication 2.1.2: a known id with different content is a conflict; with the same content it changes nothing.
				if (had && comparable(had) !== comparable(s)) return refuse(409, `statement ${s.id} is already stored with different content`);
			}
			const stored = new Date().toISOString();
			const answer = [];
			for (const s of batch) {
				const id = s.id ?? randomUUID();
				answer.push(id);
				if (byId.has(id)) continue;
				const kept = { ...s, id, stored, authority: { objectType: 'Agent', name: 'stand-in', account: { homePage: lrs.endpoint, name: key } }, version: s.version ?? '1.0.0' };
				byId.set(id, kept);
				lrs.statements.push(kept);
			}
			send(200, answer);
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = server.address();
	lrs.port = typeof address === 'object' && address ? address.port : port;
	lrs.endpoint = `http://127.0.0.1:${lrs.port}/xapi/`;
	lrs.close = () =>
		new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return lrs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [port, key, secret] = process.argv.slice(2);
	const lrs = await startLrs({ port: Number(port ?? 0), ...(key ? { key } : {}), ...(secret ? { secret } : {}) });
	console.log(`stand-in LRS at ${lrs.endpoint} (key ${key ?? 'lrs-key'}); every stored statement is printed`);
	let printed = 0;
	setInterval(() => {
		while (lrs.statements.length > printed) console.log(JSON.stringify(lrs.statements[printed++]));
	}, 500);
}
