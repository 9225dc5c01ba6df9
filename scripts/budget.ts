import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The JavaScript the first page loads: entry scripts and every modulepreload named in its HTML. */
export function initialJs(buildDir = 'build'): { files: string[]; gzipBytes: number; text: string } {
	const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
	const refs = new Set<string>();
	for (const m of html.matchAll(/(?:href|src)="([^"]+\.js)"/g)) refs.add(m[1]!);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) refs.add(m[1]!);
	const files = [...refs].map((r) => join(buildDir, r.replace(/^.*?_app\//, '_app/')));
	const contents = files.map((f) => readFileSync(f));
	return { files, gzipBytes: contents.reduce((n, c) => n + gzipSync(c).length, 0), text: contents.map((c) => c.toString('utf8')).join('\n') };
}

export const INITIAL_JS_BUDGET_BYTES = 80 * 1024;
/** A line of narrative from a shipped scenario: it must never be in the first page's code. */
export const SCENARIO_TEXT_PROBE = 'My husband Luis had blood drawn here on Friday';
export const CHART_JS_PROBE = /Chart\.js v\d|chart\.js/;

/** Text only the code-set files hold: it must never reach the first page. */
export const CODE_SET_PROBE = 'Cholera due to Vibrio cholerae';
/** The lazily fetched ICD-10-CM and HCPCS files together, gzip. */
export const CODE_INDEX_BUDGET_BYTES = 1.5 * 2 ** 20;

export function codeIndex(buildDir = 'build'): { files: string[]; gzipBytes: number } {
	const dir = join(buildDir, '_app/immutable/assets');
	const files = readdirSync(dir).filter((f) => f.endsWith('.tsv'));
	return { files, gzipBytes: files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) };
}
