import type { ShiftRun } from './types';

/** Another tab moved the shift on first: nothing was written; `stored` is what is there now. */
export class ShiftRunConflict extends Error {
	constructor(readonly stored: ShiftRun | undefined) {
		super('This shift moved on in another tab or window.');
		this.name = 'ShiftRunConflict';
	}
}
