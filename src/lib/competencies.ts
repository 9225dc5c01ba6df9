// The frameworks alone: the player shows competency names without needing the scenario list.
import frameworks from 'virtual:competencies';

const names = new Map<string, string>();
const domainOf = new Map<string, { id: string; name: string; framework: string }>();
for (const f of frameworks)
	for (const d of f.domains) {
		names.set(d.id, d.name);
		for (const c of d.competencies) {
			names.set(c.id, c.statement);
			domainOf.set(c.id, { id: d.id, name: d.name, framework: f.id.toUpperCase() });
		}
	}

/** The task statement of a competency (or the name of a domain). */
export function competencyName(id: string): string {
	return names.get(id) ?? id;
}

export function domainFor(competencyId: string): { id: string; name: string; framework: string } | undefined {
	return domainOf.get(competencyId);
}
