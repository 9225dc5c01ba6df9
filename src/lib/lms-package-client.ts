/** Builds a SCORM package in the instructor's browser from the files of the app it is running. */
import { base } from '$app/paths';
import type { Assignment } from './assign/assignment';
import { FILE_LIST, scormPackage } from './lms/scorm-package';
import type { ScormStandard } from './lms/scorm-manifest';

export async function downloadScormPackage(standard: ScormStandard, assignment: Assignment, onProgress: (done: number, total: number) => void): Promise<Blob> {
	const listed = await fetch(`${base}/${FILE_LIST}`, { cache: 'no-store' });
	if (!listed.ok) throw new Error(`this copy of the app has no ${FILE_LIST} (it was not built with npm run build)`);
	const { files } = (await listed.json()) as { files: string[] };
	const out: Record<string, Uint8Array> = {};
	let done = 0;
	// A few requests at a time: the app is about a hundred and fifty files.
	const queue = [...files];
	await Promise.all(
		Array.from({ length: 6 }, async () => {
			for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
				const res = await fetch(`${base}/${f.split('/').map(encodeURIComponent).join('/')}`);
				if (!res.ok) throw new Error(`${f} could not be fetched (HTTP ${res.status})`);
				out[f] = new Uint8Array(await res.arrayBuffer());
				onProgress(++done, files.length);
			}
		})
	);
	return new Blob([scormPackage(standard, assignment, out) as BlobPart], { type: 'application/zip' });
}
