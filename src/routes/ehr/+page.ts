import world from 'virtual:world';
import charts from 'virtual:charts';

/** The practice EHR to browse outside a scenario: the charts are only in this route's code. */
export function load() {
	return { world, charts };
}
