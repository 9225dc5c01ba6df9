/**
 * Learning Locker's statement validator (the xapi-validation package), as one readable problem or
 * none. The package returns every problem it finds as a list of warnings (it does not throw), each
 * with the path to the faulty value; it is CommonJS with an ES-module-style default export.
 */
import pkg from 'xapi-validation';

/** @type {(data: unknown) => { path: (string | number)[], name: string, data: unknown }[]} */
const validate = /** @type {any} */ (pkg).default ?? pkg;

/**
 * Every problem Learning Locker's validator finds in a statement, one per line, or undefined.
 * @param {unknown} statement
 * @returns {string | undefined}
 */
export function learningLockerProblem(statement) {
	const warnings = validate(statement);
	if (!warnings.length) return undefined;
	return warnings
		.map((w) => {
			let got = '';
			try {
				got = JSON.stringify(w.data) ?? String(w.data);
			} catch {
				got = String(w.data);
			}
			return `${w.path.join('.')}: ${w.name.replace(/Warning$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} (got ${got.length > 80 ? `${got.slice(0, 80)}…` : got})`;
		})
		.join('; ');
}
