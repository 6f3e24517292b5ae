const browsers: [RegExp, string][] = [
	[/Edg\//, 'Edge'],
	[/Firefox\//, 'Firefox'],
	[/Chrome\/|Chromium\//, 'Chrome'],
	[/Safari\//, 'Safari']
];
const systems: [RegExp, string][] = [
	[/Windows/, 'Windows'],
	[/iPhone|iPad/, 'iOS'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/Android/, 'Android'],
	[/Linux/, 'Linux']
];

/** "Firefox, Windows" instead of a 120-character user agent string; the full string stays in the title. */
export function describeUserAgent(ua: string | null): string | null {
	if (!ua) return null;
	const browser = browsers.find(([re]) => re.test(ua))?.[1];
	const system = systems.find(([re]) => re.test(ua))?.[1];
	return [browser, system].filter(Boolean).join(', ') || ua.slice(0, 60);
}
