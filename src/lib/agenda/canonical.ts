/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, `undefined` members left out,
 * arrays kept in order. The same content always gives the same string, so the same SHA-256.
 * Only JSON values are allowed: a Date, a Map, NaN or Infinity is refused, never silently changed.
 */
export function canonicalJson(value: unknown): string {
	return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value);
		case 'boolean':
			return value ? 'true' : 'false';
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError('canonicalJson: number is not finite');
			return JSON.stringify(value);
		case 'object':
			break;
		default:
			throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
	}
	const obj = value as object;
	if (seen.has(obj)) throw new TypeError('canonicalJson: cycle');
	seen.add(obj);
	let out: string;
	if (Array.isArray(obj)) {
		out = `[${obj.map((v) => write(v === undefined ? null : v, seen)).join(',')}]`;
	} else {
		const proto = Object.getPrototypeOf(obj);
		if (proto !== Object.prototype && proto !== null) {
			throw new TypeError('canonicalJson: only plain objects');
		}
		const rec = obj as Record<string, unknown>;
		const keys = Object.keys(rec)
			.filter((k) => rec[k] !== undefined)
			.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(rec[k], seen)}`).join(',')}}`;
	}
	seen.delete(obj);
	return out;
}
