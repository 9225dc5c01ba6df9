// The catalog's cards, domain names and start path as a prerendered JSON file: data grows with every
// scenario and is not code, so it rides in the page's HTML (and this file on a later visit), not in the
// first page's JavaScript.
import { json } from '@sveltejs/kit';
import scenarios from 'virtual:scenario-list';
import frameworks from 'virtual:domains';
import startHere from 'virtual:start-here';

export const prerender = true;

export function GET() {
	return json({ scenarios, frameworks, startHere });
}
