/** Parses "earned/possible" (already validated by the schema). */
export function parsePoints(points: string): { earned: number; possible: number } {
	const [earned, possible] = points.split('/').map(Number);
	return { earned: earned!, possible: possible! };
}
