/**
 * The built app served as plain static files on a free port, from a folder the test can swap while it
 * runs (a new version published) or stop (the host gone).
 */
import type { AddressInfo } from 'node:net';
import { staticServer } from '../../scripts/serve-static.mjs';

export interface StaticSite {
	/** The site's address, ending in the base and a slash. */
	url: string;
	/** From now on, answer from this folder instead. */
	publish(dir: string): void;
	stop(): Promise<void>;
}

export async function startSite(dir: string, base = ''): Promise<StaticSite> {
	let root = dir;
	const server = staticServer(() => root, base);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}/`,
		publish: (next) => void (root = next),
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
