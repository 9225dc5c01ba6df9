/** What a learner profile may be called (pure): shown on every page and printed on the transcript. */
import { hasMarkup } from './limits';

export const MAX_LEARNER_NAME_CHARS = 60;

/** The name with blanks tidied, or why it cannot be used. */
export function checkLearnerName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (!name) return { ok: false, error: 'Type a name first.' };
	if (name.length > MAX_LEARNER_NAME_CHARS) return { ok: false, error: `A name can be at most ${MAX_LEARNER_NAME_CHARS} characters long.` };
	if (hasMarkup(name)) return { ok: false, error: 'A name must not contain HTML markup.' };
	return { ok: true, name };
}
