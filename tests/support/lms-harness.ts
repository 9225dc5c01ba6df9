/**
 * A stand-in LMS for the e2e tests: a page that puts scorm-again's SCORM 1.2 or 2004 runtime on
 * window (as an LMS does), records every call, and opens a package's launch page in a frame. The
 * package's files are served beside it from memory, exactly as unzipped.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
const runtime = readFileSync(require.resolve('scorm-again'));

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.tsv': 'text/tab-separated-values', '.webmanifest': 'application/manifest+json' };

function lmsPage(standard: 'scorm12' | 'scorm2004', launch: string): string {
	const setup =
		standard === 'scorm12'
			? `window.API = new Scorm12API({ logLevel: 5, autocommit: false });
			   API.loadFromJSON({ core: { student_id: 'stu-1042', student_name: 'Okonkwo, Ada' } });
			   for (const f of ['LMSInitialize', 'LMSFinish', 'LMSCommit']) API.on(f, () => calls.push(f));
			   API.on('LMSSetValue.cmi.*', (e, v) => calls.push(e + '=' + v));
			   window.lms = API;`
			: `window.API_1484_11 = new Scorm2004API({ logLevel: 5, autocommit: false });
			   API_1484_11.loadFromJSON({ learner_id: 'stu-1042', learner_name: 'Okonkwo, Ada' });
			   for (const f of ['Initialize', 'Terminate', 'Commit']) API_1484_11.on(f, () => calls.push(f));
			   API_1484_11.on('SetValue.cmi.*', (e, v) => calls.push(e + '=' + v));
			   window.lms = API_1484_11;`;
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again.js"></script>
<script>window.calls = []; ${setup}</script></head>
<body style="margin:0"><h1 style="font-size:1rem;margin:0.25rem">Test LMS course</h1>
<iframe id="sco" title="Course content" src="/course/${launch}" style="width:100%;height:90vh;border:0"></iframe></body></html>`;
}

export async function startLms(standard: 'scorm12' | 'scorm2004', files: Record<string, Uint8Array>, launch: string): Promise<{ url: string; server: Server }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://lms').pathname);
		if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(lmsPage(standard, launch));
		if (path === '/scorm-again.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(runtime);
		if (path.startsWith('/course/')) {
			// Like a strict LMS: files by name only, no folder index pages.
			const file = path.slice('/course/'.length);
			const body = files[file];
			if (body) return void res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
		}
		res.writeHead(404, { 'content-type': 'text/plain' }).end('not in the package');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
