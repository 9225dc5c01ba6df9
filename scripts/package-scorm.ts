/**
 * Packages an assignment for an LMS from the command line, with the same code as the builder's
 * "Download SCORM … package" buttons (src/lib/lms/scorm-package.ts) and the same app files: the
 * build folder `npm run build` writes (its lms-files.json lists them).
 *   npm run package:scorm -- <assignment.json> [--version 1.2|2004] [--out file.zip] [--build dir]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAssignment } from '../src/lib/assign/assignment';
import { FILE_LIST, buildScormPackage, packageName } from '../src/lib/lms/scorm-package';
import type { ScormStandard } from '../src/lib/lms/scorm-manifest';

const USAGE = 'Usage: npm run package:scorm -- <assignment.json> [--version 1.2|2004] [--out file.zip] [--build dir]';
const VERSIONS: Record<string, ScormStandard> = { '1.2': 'scorm12', '2004': 'scorm2004' };

function fail(message: string): never {
	console.error(`package:scorm: ${message}`);
	process.exit(1);
}

function parseArgs(argv: string[]) {
	const opts: { file?: string; version: string; out?: string; build: string } = { version: '2004', build: 'build' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const flag = /^--(version|out|build)(?:=(.*))?$/.exec(arg);
		if (flag) {
			const value = flag[2] ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
			if (value === undefined || value === '') fail(`${arg} needs a value.\n${USAGE}`);
			opts[flag[1] as 'version' | 'out' | 'build'] = value;
		} else if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else if (arg.startsWith('-')) fail(`unknown option ${arg}.\n${USAGE}`);
		else if (opts.file) fail(`one assignment file at a time (got ${opts.file} and ${arg}).\n${USAGE}`);
		else opts.file = arg;
	}
	if (!opts.file) fail(`name the assignment file (from the builder's "Download the assignment file").\n${USAGE}`);
	return opts as typeof opts & { file: string };
}

const opts = parseArgs(process.argv.slice(2));
const standard = VERSIONS[opts.version] ?? fail(`--version must be 1.2 or 2004 (got "${opts.version}").`);

let text: string;
try {
	text = await readFile(opts.file, 'utf8');
} catch (e) {
	fail(`cannot read the assignment file ${opts.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
}
if (!text.trim().startsWith('{')) fail(`${opts.file} is not an assignment file (it should be the JSON the builder's "Download the assignment file" saves).`);
const decoded = await decodeAssignment(text);
if (!decoded.ok) fail(`${opts.file}: ${decoded.error}`);

if (!existsSync(join(opts.build, FILE_LIST))) fail(`${join(opts.build, FILE_LIST)} is missing: build the app first with npm run build (or pass --build <dir>).`);

const out = opts.out ?? packageName(standard, decoded.assignment.title);
try {
	const zip = await buildScormPackage(standard, decoded.assignment, {
		list: () => readFile(join(opts.build, FILE_LIST), 'utf8'),
		read: async (f) => new Uint8Array(await readFile(join(opts.build, f)))
	});
	await writeFile(out, zip);
	console.log(`Wrote ${out} (${(zip.length / 2 ** 20).toFixed(1)} MB): upload it to your LMS as a SCORM ${opts.version} package.`);
} catch (e) {
	fail(`the package could not be built: ${(e as Error).message}.`);
}
