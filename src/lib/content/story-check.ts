import type { ContentError } from './errors';
import type { ClinicWorld } from './world';

/**
 * The story must agree with the clinic's records where it names them. A member ID or group number
 * in the text that belongs to another patient, one the scenario never names, is a copy-paste slip a
 * careful student would copy and be marked wrong for (the card in the story and the card on file
 * must be the same card).
 */
export function checkStoryAgainstRecords(text: string, file: string, scenarioPatients: readonly string[], world: ClinicWorld): ContentError[] {
	const owners = new Map<string, { id: string; name: string; lastName: string }[]>();
	for (const p of world.patients)
		for (const c of p.coverage)
			for (const n of [c.memberId, c.groupNumber])
				if (n && n.length >= 6) owners.set(n, [...(owners.get(n) ?? []), { id: p.id, name: `${p.firstName} ${p.lastName}`, lastName: p.lastName }]);
	const errors: ContentError[] = [];
	const lines = text.split('\n');
	// A birth date the story gives (next to "DOB", "date of birth" or "born") must be the patient's own,
	// or that of another patient the story names.
	const dobs = new Map<string, { id: string; name: string; lastName: string }[]>();
	for (const p of world.patients) {
		const [y, m, d] = p.dob.split('-');
		const us = `${m}/${d}/${y}`;
		dobs.set(us, [...(dobs.get(us) ?? []), { id: p.id, name: `${p.firstName} ${p.lastName}`, lastName: p.lastName }]);
	}
	const mine = world.patients.filter((p) => scenarioPatients.includes(p.id));
	lines.forEach((line, i) => {
		if (!/\bDOB\b|date of birth|\bborn\b/i.test(line)) return;
		for (const date of line.match(/\b\d{2}\/\d{2}\/\d{4}\b/g) ?? []) {
			const who = dobs.get(date) ?? [];
			if (who.some((o) => scenarioPatients.includes(o.id) || text.includes(o.lastName))) continue;
			const own = mine.map((p) => `${p.firstName} ${p.lastName}'s is ${p.dob.slice(5, 7)}/${p.dob.slice(8, 10)}/${p.dob.slice(0, 4)}`).join('; ');
			errors.push({ file, line: i + 1, message: `the birth date ${date} is not in the clinic's records for anyone the story names${own ? ` (${own})` : ''}` });
		}
	});
	const tokens = /[A-Z0-9][A-Z0-9-]{5,}/g;
	lines.forEach((line, i) => {
		for (const token of line.match(tokens) ?? []) {
			const who = owners.get(token);
			if (!who || who.some((o) => scenarioPatients.includes(o.id))) continue;
			// Another patient's number is fine where the story is about that patient too.
			if (who.some((o) => text.includes(o.lastName))) continue;
			errors.push({
				file,
				line: i + 1,
				message: `${token} is ${who.map((o) => o.name).join(' and ')}'s number in content/office/patients.yaml, not this scenario's patient's: copy the numbers from the patient's own record`
			});
		}
	});
	return errors;
}
