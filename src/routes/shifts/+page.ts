import { shiftList } from 'virtual:shifts';

export function load() {
	return { shifts: shiftList };
}
