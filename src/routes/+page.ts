// The first page takes the scenario list and the domain names, not the competency statements.
import scenarios from 'virtual:scenario-list';
import frameworks from 'virtual:domains';

export function load() {
	return { scenarios, frameworks };
}
