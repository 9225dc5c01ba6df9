/**
 * Sending statements to an LRS and reading its answer. The HTTP goes through @xapi/xapi (the xAPI
 * client the ADL community keeps; it bundles axios, which uses XMLHttpRequest in the browser and
 * node:http in Node, so the same code runs against the tests' stand-in LRS). What to do with an
 * answer (split, acknowledge, stop) is decided here, not by the library.
 */
import XAPI from '@xapi/xapi';
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

/** The LRS's reason in a few words: its JSON message if it sent one, else the start of its text. */
function reasonOf(status: number, data: unknown): string {
	let message = typeof data === 'string' ? data.trim() : '';
	let body = data;
	if (typeof data === 'string') {
		try {
			body = JSON.parse(data);
		} catch {
			// Not JSON: the text itself.
		}
	}
	if (body && typeof body === 'object') {
		const b = body as { message?: unknown; error?: unknown };
		if (typeof b.message === 'string') message = b.message;
		else if (typeof b.error === 'string') message = b.error;
	}
	message = message.replace(/\s+/g, ' ').slice(0, 300);
	return `${status}${message ? `: ${message}` : ''}`;
}

/** An error from the library: axios's, which carries the LRS's answer when there was one. */
interface ClientError {
	message?: string;
	response?: { status: number; data?: unknown };
}

/** POSTs one batch to <endpoint>/statements (the statements keep the ids the app gave them). */
export async function postStatements(lrs: LrsConfig, statements: readonly Statement[]): Promise<PostOutcome> {
	// Basic auth from the key and secret (ASCII: the assignment schema allows nothing else).
	const client = new XAPI({ endpoint: lrs.endpoint, auth: XAPI.toBasicAuth(lrs.key, lrs.secret), version: XAPI_VERSION });
	try {
		await client.sendStatements({ statements: statements as unknown as Parameters<typeof client.sendStatements>[0]['statements'] });
		return { kind: 'stored' };
	} catch (e) {
		const res = (e as ClientError)?.response;
		if (!res) return { kind: 'unreachable', reason: (e as ClientError)?.message || 'no answer' };
		if (res.status === 409) return { kind: 'conflict', reason: reasonOf(res.status, res.data) };
		// 408 and 429 are "not now", like a server error.
		if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: 'refused', status: res.status, reason: reasonOf(res.status, res.data) };
		return { kind: 'unreachable', reason: reasonOf(res.status, res.data) };
	}
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
export async function deliver(lrs: LrsConfig, pending: readonly Statement[], acknowledge: (ids: string[]) => Promise<void>): Promise<Delivery> {
	const out: Delivery = { acknowledged: [], refused: [] };
	const queue: Statement[][] = [];
	for (let i = 0; i < pending.length; i += BATCH_SIZE) queue.push(pending.slice(i, i + BATCH_SIZE));
	while (queue.length) {
		const batch = queue.shift()!;
		const outcome = await postStatements(lrs, batch);
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
