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
