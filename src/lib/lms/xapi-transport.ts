/**
 * Sending statements to an LRS (POST <endpoint>/statements) and reading its answer. fetch is passed
 * in, so the same code runs in the browser and against the tests' stand-in LRS in Node.
 */
import { XAPI_VERSION, type Statement } from './xapi';

export interface LrsConfig {
	endpoint: string;
	key: string;
	secret: string;
}

export type PostOutcome =
	/** 200: the LRS stored the batch. */
	| { kind: 'stored' }
	/** 409: the LRS already holds a statement with one of these ids. */
	| { kind: 'conflict'; reason: string }
	/** Any other 4xx: the LRS will not take this batch as it is; sending it again will not help. */
	| { kind: 'refused'; status: number; reason: string }
	/** No answer (offline, a network or CORS failure) or a server error: try again later. */
	| { kind: 'unreachable'; reason: string };

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{ status: number; text(): Promise<string> }>;

export function statementsUrl(endpoint: string): string {
	return `${endpoint.endsWith('/') ? endpoint : `${endpoint}/`}statements`;
}

/** HTTP Basic credentials: the key and secret are ASCII (the assignment schema allows nothing else). */
export function basicAuth(key: string, secret: string): string {
	return `Basic ${btoa(`${key}:${secret}`)}`;
}

/** The LRS's reason in a few words: its JSON message if it sent one, else the start of its text. */
function reasonOf(status: number, text: string): string {
	let message = text.trim();
	try {
		const body = JSON.parse(text) as { message?: unknown; error?: unknown };
		if (typeof body?.message === 'string') message = body.message;
		else if (typeof body?.error === 'string') message = body.error;
	} catch {
		// Not JSON: the text itself.
	}
	message = message.replace(/\s+/g, ' ').slice(0, 300);
	return `${status}${message ? `: ${message}` : ''}`;
}

export async function postStatements(fetchFn: FetchLike, lrs: LrsConfig, statements: readonly Statement[]): Promise<PostOutcome> {
	let res: { status: number; text(): Promise<string> };
	try {
		res = await fetchFn(statementsUrl(lrs.endpoint), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION, Authorization: basicAuth(lrs.key, lrs.secret) },
			body: JSON.stringify(statements)
		});
	} catch (e) {
		return { kind: 'unreachable', reason: (e as Error).message || 'no answer' };
	}
	const text = await res.text().catch(() => '');
	if (res.status >= 200 && res.status < 300) return { kind: 'stored' };
	if (res.status === 409) return { kind: 'conflict', reason: reasonOf(res.status, text) };
	// 408 and 429 are "not now", like a server error.
	if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: 'refused', status: res.status, reason: reasonOf(res.status, text) };
	return { kind: 'unreachable', reason: reasonOf(res.status, text) };
}

export interface Delivery {
	/** Ids the LRS now holds (stored, or already held under that id). */
	acknowledged: string[];
	/** Statements the LRS refused one by one, with its reason. */
	refused: { id: string; reason: string }[];
	/** Set when sending stopped: the LRS could not be reached, or it refused the credentials. */
	stopped?: { reason: string; retry: boolean };
}

/** Batches of at most this many statements. */
export const BATCH_SIZE = 50;

/**
 * Sends statements in batches, oldest first. A batch the LRS refuses or answers 409 is split until
 * the one statement at fault is found, so one bad statement never holds back the others; a single
 * statement answered 409 is acknowledged (the LRS already has that id). `acknowledge` runs after
 * each accepted batch, so what was sent is recorded even if a later batch fails.
 */
export async function deliver(fetchFn: FetchLike, lrs: LrsConfig, pending: readonly Statement[], acknowledge: (ids: string[]) => Promise<void>): Promise<Delivery> {
	const out: Delivery = { acknowledged: [], refused: [] };
	const queue: Statement[][] = [];
	for (let i = 0; i < pending.length; i += BATCH_SIZE) queue.push(pending.slice(i, i + BATCH_SIZE));
	while (queue.length) {
		const batch = queue.shift()!;
		const outcome = await postStatements(fetchFn, lrs, batch);
		if (outcome.kind === 'unreachable') return { ...out, stopped: { reason: outcome.reason, retry: true } };
		// Wrong credentials or no permission: every other batch would be refused the same way.
		if (outcome.kind === 'refused' && (outcome.status === 401 || outcome.status === 403)) return { ...out, stopped: { reason: outcome.reason, retry: false } };
		if (outcome.kind === 'stored' || (outcome.kind === 'conflict' && batch.length === 1)) {
			const ids = batch.map((s) => s.id);
			await acknowledge(ids);
			out.acknowledged.push(...ids);
		} else if (batch.length > 1) {
			const half = Math.ceil(batch.length / 2);
			queue.unshift(batch.slice(0, half), batch.slice(half));
		} else if (outcome.kind === 'refused') {
			out.refused.push({ id: batch[0]!.id, reason: outcome.reason });
		}
	}
	return out;
}
