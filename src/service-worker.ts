/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The offline app. Installing a version downloads everything but the code sets: the app shell and
 * every chunk (catalog, scenario modules, item banks, the clinic), every prerendered page but the
 * scenario pages (the fallback page stands in for them) and the static files. The code sets (about 0.9 MB gzip) are kept the first time they are fetched.
 *
 * Pages and code are served from the installed version's cache first, so a page and the chunks it
 * loads always come from the same build. A new version waits until the learner applies it (the page
 * posts APPLY_UPDATE) or until no page of the app is open: it never takes over mid-attempt.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { APPLY_IF_ALONE, APPLY_UPDATE, APPLYING, appCacheName, codeSetCacheName, isCodeSetPath, isOwnCache } from '$lib/offline-cache';

const sw = self as unknown as ServiceWorkerGlobalScope;
const APP = appCacheName(base, version);
const CODE_SETS = codeSetCacheName(base);
const codeSets = new Set(build.filter(isCodeSetPath));
// 404.html is the static adapter's fallback page: what an address no page matches is given.
const FALLBACK = `${base}/404.html`;
// /lms and /assignment are also written as lms.html and assignment.html (an LMS opens files by name);
// a host may redirect or refuse those extensionless paths, and one failed request fails the install.
const pages = prerendered.filter((p) => p.endsWith('/') || !prerendered.includes(`${p}/`));
// A scenario's page is not precached once per scenario (59 pages, 130 KB): its prerendered preview is for
// a first visit on a slow link, and from the cache the player paints as soon. The fallback page, the
// same build's shell, stands in for it.
const PLAYER = `${base}/play/`;
const isPlayerPage = (path: string) => path.startsWith(PLAYER) && path !== PLAYER;
const precache = [...new Set([...build.filter((p) => !isCodeSetPath(p)), ...files, ...pages.filter((p) => !isPlayerPage(p)), FALLBACK])];
const precached = new Set(precache);

sw.addEventListener('install', (event) => {
	// 'reload': past the browser's HTTP cache, so a page is never an earlier version's.
	event.waitUntil(caches.open(APP).then((cache) => cache.addAll(precache.map((url) => new Request(url, { cache: 'reload' })))));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (isOwnCache(base, name) && name !== APP && name !== CODE_SETS) await caches.delete(name);
			const kept = await caches.open(CODE_SETS);
			for (const req of await kept.keys()) if (!codeSets.has(new URL(req.url).pathname)) await kept.delete(req);
			// The first visit's page is served offline without a reload.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === APPLY_UPDATE) void sw.skipWaiting();
	// Browsers activate a waiting worker once no page uses the old one, but a page opened again at once
	// can keep the old one in charge: the app's next start, alone, applies the update itself.
	if (event.data === APPLY_IF_ALONE)
		event.waitUntil(
			(async () => {
				const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
				if (open.length > 1) return;
				event.source?.postMessage(APPLYING);
				await sw.skipWaiting();
			})()
		);
});

async function fromNetworkKeeping(request: Request, cacheName: string): Promise<Response> {
	const res = await fetch(request);
	if (res.ok) {
		const cache = await caches.open(cacheName);
		await cache.put(request, res.clone());
	}
	return res;
}

async function codeSet(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: CODE_SETS })) ?? fromNetworkKeeping(request, CODE_SETS);
}

/** A page: the prerendered one (its query ignored: /results/?attempt=… is the /results/ page), else the network, else the fallback. */
async function page(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(APP);
	const hit = (await cache.match(path, { ignoreSearch: true })) ?? (path.endsWith('/') ? undefined : await cache.match(`${path}/`));
	if (hit) return hit;
	if (isPlayerPage(path)) {
		const shell = await cache.match(FALLBACK);
		if (shell) return shell;
	}
	try {
		return await fetch(request);
	} catch (e) {
		const fallback = await cache.match(FALLBACK);
		if (fallback) return fallback;
		throw e;
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Other sites (an LRS) and other paths on this host are none of this worker's business.
	if (url.origin !== sw.location.origin || !url.pathname.startsWith(`${base}/`)) return;
	if (codeSets.has(url.pathname)) return event.respondWith(codeSet(request));
	if (request.mode === 'navigate') return event.respondWith(page(request, url.pathname));
	if (precached.has(url.pathname)) return event.respondWith(caches.match(url.pathname, { cacheName: APP }).then((hit) => hit ?? fetch(request)));
	// Anything else (the LMS file list, a package's assignment, version.json) goes to the network as before.
});
