export const ssr = false;

export function load({ url }) {
	return { attemptId: url.searchParams.get('attempt') };
}
