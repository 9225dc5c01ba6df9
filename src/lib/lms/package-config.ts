/** The file a SCORM package carries beside its launch page: which standard, and the assignment. */
import { z } from '../zod';
import { Assignment } from '../assign/assignment';
import { PACKAGE_FORMAT, type ScormStandard } from './scorm-manifest';

export const PackageConfig = z.strictObject({
	format: z.literal(PACKAGE_FORMAT),
	version: z.literal(1),
	standard: z.enum(['scorm12', 'scorm2004']),
	assignment: Assignment
});
export type PackageConfig = z.infer<typeof PackageConfig>;

export function packageConfig(standard: ScormStandard, assignment: Assignment): PackageConfig {
	return { format: PACKAGE_FORMAT, version: 1, standard, assignment };
}

export type ReadConfig = { ok: true; config: PackageConfig } | { ok: false; error: string };

export function readPackageConfig(text: string): ReadConfig {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, error: 'The package file lms/assignment.json is damaged (not valid JSON). Export the package again.' };
	}
	const parsed = PackageConfig.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, error: `The package file lms/assignment.json has a problem at ${issue.path.join('.') || 'the top level'}: ${issue.message}. Export the package again.` };
	}
	return { ok: true, config: parsed.data };
}
