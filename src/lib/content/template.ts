/** Fields of the clinic world a scenario's text may name, e.g. {{patient.firstName}}. */
export const WORLD_FIELDS = {
	patient: ['firstName', 'lastName', 'name', 'preferredName', 'dob', 'phone', 'age'],
	provider: ['name', 'lastName'],
	clinic: ['name', 'phone']
} as const;

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

export function placeholders(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills {{name}} placeholders; an unknown name is left visible rather than silently dropped. */
export function fillTemplate(text: string, bindings: Readonly<Record<string, string>>): string {
	// Own keys only, so {{constructor}} or {{toString}} never prints a function from the prototype.
	return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(bindings, name) ? bindings[name]! : whole));
}
