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

/** The calls whose error code the stand-in LMS records (any non-zero code is a runtime error). */
const CALLS = { scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'], scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'] };

/**
 * The LMS page. `stored` is the cmi data an earlier session left (scorm-again's renderCMIToJSONObject):
 * given, the LMS resumes that attempt as a real one would, with the stored values and entry "resume".
 */
function lmsPage(standard: 'scorm12' | 'scorm2004', launch: string, stored?: Record<string, unknown>): string {
	const learner = standard === 'scorm12' ? { core: { student_id: 'stu-1042', student_name: 'Okonkwo, Ada' } } : { learner_id: 'stu-1042', learner_name: 'Okonkwo, Ada' };
	const api = standard === 'scorm12' ? 'API' : 'API_1484_11';
	const make = standard === 'scorm12' ? 'Scorm12API' : 'Scorm2004API';
	const last = standard === 'scorm12' ? 'LMSGetLastError' : 'GetLastError';
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again.js"></script>
<script>
window.calls = []; window.errors = [];
const api = window.${api} = new ${make}({ logLevel: 5, autocommit: false });
api.loadFromJSON(${JSON.stringify(stored ?? learner)});
for (const f of ${JSON.stringify(CALLS[standard].filter((c) => !/Value$/.test(c)))}) api.on(f, () => calls.push(f));
api.on('${standard === 'scorm12' ? 'LMSSetValue' : 'SetValue'}.cmi.*', (e, v) => calls.push(e + '=' + v));
// Every call's error code, as the LMS would log it.
for (const f of ${JSON.stringify(CALLS[standard])}) {
	const call = api[f].bind(api);
	api[f] = (...args) => {
		const out = call(...args);
		const code = String(api.${last}());
		if (code !== '0') errors.push(f + '(' + args.join(', ') + '): ' + code);
		return out;
	};
}
window.lms = api;
</script></head>
<body style="margin:0"><h1 style="font-size:1rem;margin:0.25rem">Test LMS course</h1>
<iframe id="sco" title="Course content" src="/course/${launch}" style="width:100%;height:90vh;border:0"></iframe></body></html>`;
}

/** What an LMS keeps of a finished session and gives back on resume: everything but the session's own exit and time, entry "resume". */
export function storedForResume(standard: 'scorm12' | 'scorm2004', saved: { cmi: Record<string, any> }): Record<string, unknown> {
	const cmi = structuredClone(saved.cmi);
	if (standard === 'scorm12') {
		delete cmi.core.session_time;
		delete cmi.core.exit;
		cmi.core.entry = 'resume';
	} else {
		delete cmi.session_time;
		delete cmi.exit;
		cmi.entry = 'resume';
	}
	return { cmi };
}

export async function startLms(standard: 'scorm12' | 'scorm2004', files: Record<string, Uint8Array>, launch: string, stored?: Record<string, unknown>): Promise<{ url: string; server: Server }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://lms').pathname);
		if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(lmsPage(standard, launch, stored));
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
