/**
 * An instructor's assignment, carried in a link's fragment (after #, so no server ever sees it) or
 * as a file. Pure apart from the platform's CompressionStream, which browsers and Node both have.
 */
import { z } from '../zod';
import { IsoDate } from '../content/schema/common';

export const ASSIGNMENT_FORMAT = 'front-desk-simulator/assignment';
export const ASSIGNMENT_VERSION = 1;
/** A link longer than this is refused: share the file instead. */
export const MAX_FRAGMENT_CHARS = 200_000;
/** An assignment file (or a link's unpacked JSON) holds at most ten carried scenarios of 200,000 characters and the rest. */
export const MAX_ASSIGNMENT_FILE_CHARS = 2_500_000;
/** How far ahead of this computer's clock an assignment's creation time may be (two clocks never agree exactly). */
export const CLOCK_SKEW_MS = 5 * 60_000;

const Id = z.string().min(1).max(80).regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by dashes or dots');
const NoMarkup = (max: number) =>
	z
		.string()
		.max(max, `must be at most ${max} characters`)
		.refine((s) => !/<[a-zA-Z!/?]/.test(s), 'must not contain HTML markup (use Markdown)');

/** An LRS endpoint: https, or plain http only on this computer (a local LRS, the tests' stand-in). */
const LrsEndpoint = z
	.string()
	.max(500, 'must be at most 500 characters')
	.refine((s) => {
		let u: URL;
		try {
			u = new URL(s);
		} catch {
			return false;
		}
		const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
		return /^https?:\/\/[^\s?#@]+$/i.test(s) && (u.protocol === 'https:' || (u.protocol === 'http:' && loopback));
	}, 'must be an https address (http only for localhost or 127.0.0.1), with no user name, query or fragment');
/** The college's home page the students' accounts belong to (xAPI account.homePage): an http(s) address. */
const AccountHomePage = z
	.string()
	.max(300, 'must be at most 300 characters')
	.refine((s) => {
		try {
			const u = new URL(s);
			return /^https?:\/\/[^\s@]+$/i.test(s) && (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
		} catch {
			return false;
		}
	}, "must be your college's web address, such as https://lms.college.edu (http or https, no user name)");
/** LRS credentials are short tokens: visible ASCII, no quotes or markup (and no colon in a key: Basic auth splits on it). */
const LrsToken = (what: string, colonAllowed: boolean) =>
	z
		.string()
		.min(1, `the ${what} is missing`)
		.max(200, `the ${what} must be at most 200 characters`)
		.regex(/^[\x21-\x7e]+$/, `the ${what} must be letters, digits and punctuation, without spaces`)
		.refine((s) => !/[<>"'`]/.test(s) && (colonAllowed || !s.includes(':')), `the ${what} must not contain quotes, < or >${colonAllowed ? '' : ' or a colon'}`);

export const Assignment = z.strictObject({
	format: z.literal(ASSIGNMENT_FORMAT),
	version: z.literal(ASSIGNMENT_VERSION),
	/** Stable id: result files name it, so the gradebook can tell assignments apart. */
	id: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be 8-40 letters, digits, dashes or underscores'),
	title: NoMarkup(120).refine((s) => s.trim().length >= 3, 'must have at least 3 characters'),
	/** Markdown, rendered through the same sanitiser as scenarios. */
	instructions: NoMarkup(5000).default(''),
	/** May be empty when the assignment holds an exam (the refine below). */
	scenarios: z.array(Id).max(40).superRefine((ids, ctx) => {
		const twice = ids.find((id, i) => ids.indexOf(id) !== i);
		if (twice) ctx.addIssue({ code: 'custom', message: `lists "${twice}" twice (each scenario once)` });
	}),
	/** Scenarios the instructor wrote in the app, carried whole so students' copies can play them. */
	custom: z
		.array(z.strictObject({ id: z.string().regex(/^custom-[a-z0-9-]+$/, 'must be a custom- id'), source: z.string().min(10).max(200_000) }))
		.max(10)
		.superRefine((custom, ctx) => {
			const twice = custom.find((c, i) => custom.findIndex((x) => x.id === c.id) !== i);
			if (twice) ctx.addIssue({ code: 'custom', message: `carries "${twice.id}" twice (each scenario once)` });
		})
		.default([]),
	/** Shifts (content/shifts/) to work, each a stretch of the office's day; absent in links made before shifts could be assigned. */
	shifts: z
		.array(Id)
		.max(10)
		.superRefine((ids, ctx) => {
			const twice = ids.find((id, i) => ids.indexOf(id) !== i);
			if (twice) ctx.addIssue({ code: 'custom', message: `lists "${twice}" twice (each shift once)` });
		})
		.default([]),
	/** Optional exam practice: a mock exam of this many items drawn to the blueprint. */
	exam: z.strictObject({ framework: z.enum(['cmaa', 'cehrs']), items: z.number().int().min(5).max(110) }).optional(),
	/**
	 * Optional xAPI reporting: every student's browser sends statements to this LRS with these
	 * credentials (which therefore travel to every student: use a key that may only write statements).
	 */
	xapi: z
		.strictObject({
			endpoint: LrsEndpoint,
			key: LrsToken('key', false),
			secret: LrsToken('secret', true),
			/** The actor's account.homePage (absent in links made before it could be set: the app's address then). */
			homePage: AccountHomePage.optional(),
			/** The actor's account.name: the student ID or e-mail the student gives (then required of them), or the app's learner id (the default). */
			accountName: z.enum(['student-id', 'learner-id']).optional()
		})
		.optional(),
	/** ISO date (YYYY-MM-DD): after it, work still counts but is marked late. */
	due: IsoDate.optional(),
	attemptsAllowed: z.number().int().min(1).max(20).default(3),
	passMark: z.number().min(0.5).max(1).default(0.8),
	feedback: z.enum(['immediate', 'after-submission']).default('immediate'),
	randomiseVariants: z.boolean().default(true),
	createdAt: z.number().int().min(0).max(8.64e15)
}).refine((a) => a.scenarios.length > 0 || a.shifts.length > 0 || a.exam !== undefined, { path: ['scenarios'], message: 'an assignment needs at least one scenario, shift or exam' });
export type Assignment = z.infer<typeof Assignment>;

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): Uint8Array {
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const bin = atob(b64);
	return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
	return new Uint8Array(await out.arrayBuffer());
}
class TooLarge extends Error {}
/** Inflates, stopping at `max` bytes: a short link must not unpack into gigabytes (a "zip bomb"). */
async function inflate(bytes: Uint8Array, max: number): Promise<Uint8Array> {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > max) {
			await reader.cancel();
			throw new TooLarge();
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) (out.set(c, at), (at += c.length));
	return out;
}
/** A value as a message may quote it: short, and never a whole hostile structure. */
const brief = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === undefined ? 'missing' : Array.isArray(v) ? 'a list' : v === null ? 'null' : 'an object');

/** The fragment for a link: "a=" and the assignment as deflated JSON in base64url. */
export async function encodeAssignment(a: Assignment): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(Assignment.parse(a)));
	return `a=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

export type Decoded = { ok: true; assignment: Assignment } | { ok: false; error: string };

/** Reads an assignment from a link's fragment or a file's text; the error says what is wrong. */
export async function decodeAssignment(fragmentOrJson: string, now = Date.now()): Promise<Decoded> {
	let raw: unknown;
	const text = fragmentOrJson.trim().replace(/^#/, '');
	const file = text.startsWith('{');
	if (file && text.length > MAX_ASSIGNMENT_FILE_CHARS) return { ok: false, error: `The assignment file is ${text.length} characters long; at most ${MAX_ASSIGNMENT_FILE_CHARS} are read.` };
	if (!file && text.length > MAX_FRAGMENT_CHARS) return { ok: false, error: `The assignment is ${text.length} characters long; at most ${MAX_FRAGMENT_CHARS} are read. Share it as a file.` };
	try {
		if (file) raw = JSON.parse(text);
		else {
			const m = /^a=([A-Za-z0-9_-]+)$/.exec(text);
			if (!m) return { ok: false, error: 'This link does not hold an assignment (it should end in #a= followed by letters and digits). Ask your instructor for the link again.' };
			raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await inflate(fromBase64Url(m[1]!), MAX_ASSIGNMENT_FILE_CHARS)));
		}
	} catch (e) {
		if (e instanceof TooLarge) return { ok: false, error: `The assignment link unpacks to more than ${MAX_ASSIGNMENT_FILE_CHARS} characters, more than any assignment holds: it is not one.` };
		return { ok: false, error: 'The assignment link or file is damaged (it could not be read). It may have been cut short when copied: ask your instructor for it again.' };
	}
	const head = raw as Record<string, unknown> | null;
	if (!head || typeof head !== 'object' || head.format !== ASSIGNMENT_FORMAT) return { ok: false, error: 'This is not an assignment from the front-desk simulator.' };
	if (head.version !== ASSIGNMENT_VERSION) return { ok: false, error: `This assignment is format version ${brief(head.version)}; this app reads version ${ASSIGNMENT_VERSION}. Update the app or ask for a new link.` };
	const parsed = Assignment.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, error: `The assignment has a problem at ${issue.path.join('.') || 'the top level'}: ${issue.message}.` };
	}
	// Only attempts started after createdAt count: one dated in the future would count none of them.
	if (parsed.data.createdAt > now + CLOCK_SKEW_MS)
		return { ok: false, error: `The assignment says it was made on ${new Date(parsed.data.createdAt).toISOString().slice(0, 16).replace('T', ' ')} (UTC), which is in the future, so no work would count. The clock of the computer that made it is probably wrong: ask your instructor to fix it and make the link again.` };
	return { ok: true, assignment: parsed.data };
}

/** The end of the due day on this computer's clock (work after it is late, as the gradebook marks it); Infinity with no due date. */
export const dueEnd = (due?: string) => (due ? Date.parse(`${due}T23:59:59.999`) : Infinity);

/** The due date has passed: the builder warns before sharing, and the student's page says so. */
export const pastDue = (due: string | undefined, now: number) => now > dueEnd(due);

/** Scenario ids the assignment names that this copy of the app does not have. */
export function missingScenarios(a: Assignment, known: ReadonlySet<string>): string[] {
	const carried = new Set(a.custom.map((c) => c.id));
	return a.scenarios.filter((s) => !known.has(s) && !carried.has(s));
}

/** Shift ids the assignment names that this copy of the app does not have. */
export function missingShifts(a: Assignment, known: ReadonlySet<string>): string[] {
	return a.shifts.filter((s) => !known.has(s));
}

/** A carried scenario's title, read from its front matter (for lists; the full check runs when it is opened). */
export function customTitle(a: Assignment, id: string): string | undefined {
	const source = a.custom.find((c) => c.id === id)?.source;
	return source ? /^title:\s*"?(.*?)"?\s*$/m.exec(source)?.[1]?.replace(/\\"/g, '"') : undefined;
}
