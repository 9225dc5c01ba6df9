/**
 * Resolves once the browser has painted what the current task changed: the frame's callback, then a
 * task after it. A hidden tab paints nothing (no frames), so a short timer resolves it instead: work
 * waiting on this (a write) must never wait for the learner to come back.
 */
export function afterPaint(fallbackMs = 100): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, fallbackMs);
		requestAnimationFrame(() => {
			clearTimeout(timer);
			setTimeout(resolve, 0);
		});
	});
}
