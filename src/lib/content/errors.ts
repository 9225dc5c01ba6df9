/** A content problem an author can act on: where it is and what is wrong, in plain words. */
export interface ContentError {
	file: string;
	line: number;
	message: string;
}

export function formatError(e: ContentError): string {
	return `${e.file}:${e.line}: ${e.message}`;
}
