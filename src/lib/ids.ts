/** A fresh seed for a new attempt. The engine never draws one itself; it is stored and replayed. */
export function newSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export function newId(): string {
	return crypto.randomUUID();
}
