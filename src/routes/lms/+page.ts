// The launch page of a SCORM package: it talks to the LMS's API in the browser only.
export const ssr = false;

// An LMS opens this page by its file name (lms/index.html): keep that address as it is.
export const trailingSlash = 'ignore';
