/**
 * Canonical JSON as RFC 8785 (JSON Canonicalization Scheme, JCS) defines it: object keys sorted by UTF-16
 * code unit, no whitespace, strings and numbers written as ECMAScript's JSON.stringify writes them, arrays
 * kept in order. The same content always gives the same string, so the same SHA-256 (docs/verification.md).
 * Only I-JSON values are allowed: a Date, a Map, NaN, Infinity or a string with a lone surrogate is refused,
 * never silently changed. (`undefined` members are left out, as JSON.stringify does: they are not JSON.)
 */
export function canonicalJson(value: unknown): string {
	return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
			return jsonString(value);
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
		out = `{${keys.map((k) => `${jsonString(k)}:${write(rec[k], seen)}`).join(',')}}`;
	}
	seen.delete(obj);
	return out;
}

/** A lone surrogate is no Unicode text; RFC 8785 (I-JSON) refuses it rather than escaping it. */
function jsonString(s: string): string {
	if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) throw new TypeError('canonicalJson: lone surrogate');
	return JSON.stringify(s);
}
