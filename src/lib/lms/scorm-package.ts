/**
 * A SCORM package as zip bytes: the static app's files, the assignment beside the launch page and
 * imsmanifest.xml at the root. Pure (fflate runs anywhere); the browser fetches the files.
 */
import { strToU8, zipSync } from 'fflate';
import type { Assignment } from '../assign/assignment';
import { fileSlug } from '../labels';
import { packageConfig } from './package-config';
import { PACKAGE_CONFIG, scormManifest, type ScormStandard } from './scorm-manifest';

/** The build's list of its own files, written beside them by the adapter (svelte.config.js). */
export const FILE_LIST = 'lms-files.json';

export function scormPackage(standard: ScormStandard, assignment: Assignment, files: Readonly<Record<string, Uint8Array>>): Uint8Array {
	const entries: Record<string, Uint8Array> = { ...files };
	entries[PACKAGE_CONFIG] = strToU8(JSON.stringify(packageConfig(standard, assignment), null, 2));
	entries['imsmanifest.xml'] = strToU8(scormManifest(standard, assignment, Object.keys(entries)));
	return zipSync(entries, { level: 6 });
}

/** The package's file name: the standard and the assignment's title. */
export function packageName(standard: ScormStandard, title: string): string {
	return `${fileSlug(title, 'assignment')}-${standard === 'scorm12' ? 'scorm12' : 'scorm2004'}.zip`;
}
