/**
 * A SCORM package as zip bytes: the static app's files, the assignment beside the launch page and
 * imsmanifest.xml at the root. Pure (fflate runs anywhere): the browser download and the
 * package:scorm script both build through buildScormPackage, each passing its own way to read files.
 */
import { strToU8, zipSync } from 'fflate';
import type { Assignment } from '../assign/assignment';
import { fileSlug } from '../labels';
import { packageConfig } from './package-config';
import { LAUNCH_PAGE, PACKAGE_CONFIG, scormManifest, type ScormStandard } from './scorm-manifest';

/** The build's list of its own files, written beside them by the adapter (svelte.config.js). */
export const FILE_LIST = 'lms-files.json';

export function scormPackage(standard: ScormStandard, assignment: Assignment, files: Readonly<Record<string, Uint8Array>>): Uint8Array {
	const entries: Record<string, Uint8Array> = { ...files };
	entries[PACKAGE_CONFIG] = strToU8(JSON.stringify(packageConfig(standard, assignment), null, 2));
	entries['imsmanifest.xml'] = strToU8(scormManifest(standard, assignment, Object.keys(entries)));
	return zipSync(entries, { level: 6 });
}

/** The paths in a build's lms-files.json; an error names what is wrong with it. */
export function readFileList(text: string): string[] {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new Error(`${FILE_LIST} is not valid JSON (build the app again with npm run build)`);
	}
	const files = (raw as { files?: unknown } | null)?.files;
	if (!Array.isArray(files) || !files.every((f) => typeof f === 'string' && f !== '' && !f.startsWith('/') && !f.split('/').includes('..')))
		throw new Error(`${FILE_LIST} does not list the build's files as relative paths (build the app again with npm run build)`);
	if (!files.includes(LAUNCH_PAGE)) throw new Error(`the build has no ${LAUNCH_PAGE} (build the app again with npm run build)`);
	return files as string[];
}

/** Where the app's files come from: the running app over HTTP (browser), or a build folder (script). */
export interface AppFiles {
	/** The text of the build's lms-files.json. */
	list(): Promise<string>;
	/** One file's bytes, by its path relative to the app's base. */
	read(path: string): Promise<Uint8Array>;
}

/** Reads every file of the app (a few at a time) and zips them with the manifest and the assignment. */
export async function buildScormPackage(standard: ScormStandard, assignment: Assignment, app: AppFiles, onProgress: (done: number, total: number) => void = () => {}): Promise<Uint8Array> {
	const files = readFileList(await app.list());
	const out: Record<string, Uint8Array> = {};
	let done = 0;
	// A few reads at a time: the app is about a hundred and fifty files.
	const queue = [...files];
	await Promise.all(
		Array.from({ length: 6 }, async () => {
			for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
				out[f] = await app.read(f);
				onProgress(++done, files.length);
			}
		})
	);
	return scormPackage(standard, assignment, out);
}

/** The package's file name: the standard and the assignment's title. */
export function packageName(standard: ScormStandard, title: string): string {
	return `${fileSlug(title, 'assignment')}-${standard === 'scorm12' ? 'scorm12' : 'scorm2004'}.zip`;
}
