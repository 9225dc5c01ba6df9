// Writes the build's list of its own files (lms-files.json), so the app can package itself for an LMS.
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const FILE_LIST = 'lms-files.json';

/** @param {string} dir */
export function writeFileList(dir) {
	/** @type {string[]} */
	const files = [];
	/** @param {string} d */
	const walk = (d) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const full = join(d, e.name);
			if (e.isDirectory()) walk(full);
			else files.push(relative(dir, full).split(sep).join('/'));
		}
	};
	walk(dir);
	const list = files.filter((f) => f !== FILE_LIST).sort();
	writeFileSync(join(dir, FILE_LIST), JSON.stringify({ files: list }));
	return list;
}
