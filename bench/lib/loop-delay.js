// A server's event-loop delay during a run: how long work that was ready had to wait (everything it relays
// waits as long). The server child measures; the bench asks over IPC.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** In the server child: measure, and answer `loop-delay:reset` / `loop-delay` messages. */
export function answerLoopDelay() {
	const histogram = monitorEventLoopDelay({ resolution: 1 });
	histogram.enable();
	process.on('message', (msg) => {
		if (msg === 'loop-delay:reset') histogram.reset();
		if (msg === 'loop-delay') {
			const ms = (ns) => ns / 1e6;
			process.send({ loopDelay: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) } });
		}
	});
}

/** In the bench: start a new measurement in the child. */
export function resetLoopDelay(child) {
	child.send('loop-delay:reset');
}

/** In the bench: the child's event-loop delay since the last reset (ms). */
export function loopDelayOf(child) {
	return new Promise((resolve) => {
		const onMessage = (msg) => {
			if (!msg?.loopDelay) return;
			child.off('message', onMessage);
			resolve(msg.loopDelay);
		};
		child.on('message', onMessage);
		child.send('loop-delay');
	});
}
