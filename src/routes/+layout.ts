// The whole app is static files: every page is prerendered; pages that read IndexedDB render on the client.
export const prerender = true;
export const trailingSlash = 'always';
