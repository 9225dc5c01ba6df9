import world from 'virtual:world';

export function load() {
	return { fees: world.fees, modifiers: world.modifiers };
}
