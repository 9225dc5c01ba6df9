import type { Reroute } from '@sveltejs/kit';

// An LMS serves a package's files by name and launches `lms/index.html`, not `lms/`: both are the
// same page, so the router treats a trailing index.html as the folder it names.
export const reroute: Reroute = ({ url }) => (url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : undefined);
