// The first page takes the scenario list, the domain names and the start path, not the competency statements.
import scenarios from 'virtual:scenario-list';
import frameworks from 'virtual:domains';
import startHere from 'virtual:start-here';

export function load() {
	return { scenarios, frameworks, startHere };
}
