import type { Assignment } from '../assign/assignment';
import type { GradebookFile, StoredGradebook } from './types';

/**
 * The gradebook after adding files: what was kept stays, in order, and each new file whose exact text
 * is not kept yet is added once. The assignment is the one given (the same id), so a kept gradebook
 * always reopens with the assignment its files were checked against. Pure; both stores use it.
 */
export function withGradebookFiles(kept: StoredGradebook | undefined, assignment: Assignment, files: readonly Omit<GradebookFile, 'addedAt'>[], at: number): StoredGradebook {
	const texts = new Set((kept?.files ?? []).map((f) => f.text));
	const added: GradebookFile[] = [];
	for (const f of files) {
		if (texts.has(f.text)) continue;
		texts.add(f.text);
		added.push({ name: f.name, text: f.text, bytes: f.bytes, addedAt: at });
	}
	return { assignmentId: assignment.id, assignment, files: [...(kept?.files ?? []), ...added], updatedAt: at };
}
