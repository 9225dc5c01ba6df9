/**
 * The package:scorm script: run as an admin runs it, on a build folder, it writes the same package the
 * builder's download makes, and says plainly what is wrong with a bad file or option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Assignment } from '../../src/lib/assign/assignment';
import { buildScormPackage } from '../../src/lib/lms/scorm-package';
import { readPackageConfig } from '../../src/lib/lms/package-config';

const assignment = Assignment.parse({
	format: 'front-desk-simulator/assignment',
	version: 1,
	id: 'asg-cli-0001',
	title: 'Week 6: from the command line',
	scenarios: ['hipaa-caller-says-spouse'],
	attemptsAllowed: 2,
	passMark: 0.8,
	createdAt: 1000
});
const APP: Record<string, string> = {
	'index.html': '<!doctype html><title>app</title>',
	'lms/index.html': '<!doctype html><title>launch</title>',
	'assignment/index.html': '<!doctype html><title>assignment</title>',
	'_app/immutable/entry/start.js': 'export {}',
	'codes/a file with spaces.tsv': 'code\tname'
};

let dir: string;
let build: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'package-scorm-'));
	build = join(dir, 'build');
	for (const [f, body] of Object.entries(APP)) {
		mkdirSync(dirname(join(build, f)), { recursive: true });
		writeFileSync(join(build, f), body);
	}
	writeFileSync(join(build, 'lms-files.json'), JSON.stringify({ files: Object.keys(APP).sort() }));
	writeFileSync(join(dir, 'assignment.json'), JSON.stringify(assignment));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-scorm.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run package:scorm', () => {
	for (const [version, standard] of [['1.2', 'scorm12'], ['2004', 'scorm2004']] as const) {
		it(`--version ${version}: a zip whose manifest validates, holding what the browser download holds`, async () => {
			const out = join(dir, `out-${version}.zip`);
			const r = run(join(dir, 'assignment.json'), '--version', version, '--out', out, '--build', build);
			expect(r.err).toBe('');
			expect(r.code).toBe(0);
			expect(r.out).toContain(`Wrote ${out}`);
			const files = unzipSync(readFileSync(out));
			const xml = strFromU8(files['imsmanifest.xml']!);
			expect(XMLValidator.validate(xml)).toBe(true);
			const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'file' }).parse(xml).manifest;
			expect(String(doc.metadata.schemaversion)).toBe(standard === 'scorm12' ? '1.2' : '2004 4th Edition');
			expect(doc.resources.resource['@href']).toBe('lms/index.html');
			// Every file the manifest lists is in the zip, and the other way round.
			const listed = doc.resources.resource.file.map((f: Record<string, string>) => decodeURIComponent(f['@href']!)).sort();
			expect([...listed, 'imsmanifest.xml'].sort()).toEqual(Object.keys(files).sort());
			const config = readPackageConfig(strFromU8(files['lms/assignment.json']!));
			expect(config.ok && config.config).toMatchObject({ standard, assignment: { id: assignment.id, title: assignment.title } });
			expect(strFromU8(files['codes/a file with spaces.tsv']!)).toBe(APP['codes/a file with spaces.tsv']);

			// The browser's download reads the same files over HTTP; from the same build it makes the same zip contents.
			const browser = unzipSync(await buildScormPackage(standard, assignment, { list: async () => JSON.stringify({ files: Object.keys(APP) }), read: async (f) => new TextEncoder().encode(APP[f]) }));
			expect(Object.keys(files).sort()).toEqual(Object.keys(browser).sort());
			for (const f of Object.keys(browser)) expect(strFromU8(files[f]!), f).toBe(strFromU8(browser[f]!));
		});
	}

	it('packages an assignment with shifts, the shifts named in the assignment the launch page reads', async () => {
		const withShift = { ...assignment, shifts: ['morning-rush'] };
		const files = unzipSync(await buildScormPackage('scorm12', withShift, { list: async () => JSON.stringify({ files: Object.keys(APP) }), read: async (f) => new TextEncoder().encode(APP[f]) }));
		const config = readPackageConfig(strFromU8(files['lms/assignment.json']!));
		expect(config.ok && config.config.assignment.shifts).toEqual(['morning-rush']);
	});

	it('names the package after the assignment when --out is left out', () => {
		const cwd = process.cwd();
		const r = run(join(dir, 'assignment.json'), '--version', '1.2', '--build', build);
		expect(r.code).toBe(0);
		expect(r.out).toContain('week-6-from-the-command-line-scorm12.zip');
		rmSync(join(cwd, 'week-6-from-the-command-line-scorm12.zip'));
	});

	it('says what is wrong with a bad file or option, and writes nothing', () => {
		writeFileSync(join(dir, 'broken.json'), '{"format": "front-desk-simulator/assignment", ');
		writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ ...assignment, passMark: 3 }));
		writeFileSync(join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
		const out = join(dir, 'never.zip');
		const cases: [string[], RegExp][] = [
			[[join(dir, 'missing.json')], /cannot read the assignment file .*missing\.json: no such file/],
			[[join(dir, 'broken.json')], /broken\.json: The assignment link or file is damaged/],
			[[join(dir, 'invalid.json')], /invalid\.json: The assignment has a problem at passMark/],
			[[join(dir, 'other.json')], /other\.json: This is not an assignment from the front-desk simulator/],
			[[join(dir, 'assignment.json'), '--version', '3'], /--version must be 1\.2 or 2004 \(got "3"\)/],
			[[join(dir, 'assignment.json'), '--version'], /--version needs a value/],
			[[join(dir, 'assignment.json'), '--build', join(dir, 'nowhere')], /lms-files\.json is missing: build the app first with npm run build/],
			[[], /name the assignment file/]
		];
		for (const [args, message] of cases) {
			const r = run(...args, ...(args.includes('--build') ? [] : ['--build', build]), '--out', out);
			expect(r.code, args.join(' ')).toBe(1);
			expect(r.err).toMatch(message);
		}
		expect(() => readFileSync(out)).toThrow();
	});
});
