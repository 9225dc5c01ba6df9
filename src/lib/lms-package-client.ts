/** Builds a SCORM package in the instructor's browser from the files of the app it is running. */
import { base } from '$app/paths';
import type { Assignment } from './assign/assignment';
import { FILE_LIST, buildScormPackage } from './lms/scorm-package';
import type { ScormStandard } from './lms/scorm-manifest';

export async function downloadScormPackage(standard: ScormStandard, assignment: Assignment, onProgress: (done: number, total: number) => void): Promise<Blob> {
	const zip = await buildScormPackage(
		standard,
		assignment,
		{
			async list() {
				const res = await fetch(`${base}/${FILE_LIST}`, { cache: 'no-store' });
				if (!res.ok) throw new Error(`this copy of the app has no ${FILE_LIST} (it was not built with npm run build)`);
				return res.text();
			},
			async read(f) {
				const res = await fetch(`${base}/${f.split('/').map(encodeURIComponent).join('/')}`);
				if (!res.ok) throw new Error(`${f} could not be fetched (HTTP ${res.status})`);
				return new Uint8Array(await res.arrayBuffer());
			}
		},
		onProgress
	);
	return new Blob([zip as BlobPart], { type: 'application/zip' });
}
