import { readFileSync } from 'node:fs';

/** VmRSS (resident now) and VmHWM (the peak) of a process, in MB, from /proc. */
export function residentOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
