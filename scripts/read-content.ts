import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Reads every file under content/ into a map of repo-relative path → text (the pure loader's input). */
export function readContentFiles(root = process.cwd()): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (/\.(md|ya?ml|tsv)$/.test(name)) files[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
		}
	};
	walk(join(root, 'content'));
	return files;
}
