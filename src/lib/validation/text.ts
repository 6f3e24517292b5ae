/**
 * Characters no text of the portal may hold, whatever the field: NUL (PostgreSQL cannot store it in text),
 * the other C0 control characters except tab, newline and carriage return, and lone UTF-16 surrogates
 * (half a character, which no encoding can write). They never come from a keyboard; refusing them at the
 * edge means every later step (database, mail, PDF, HTML) only ever sees well-formed text.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const forbiddenControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Whether a text holds a character that no field of the portal accepts. */
export function hasForbiddenCharacters(text: string): boolean {
	return forbiddenControl.test(text) || !text.isWellFormed();
}

/** Beyond this depth a payload is not walked further: no form, API body or socket message nests deeper. */
const maxDepth = 32;

/** Arrays and plain objects (a null prototype too); not binary data such as a co-editing update. */
function isWalkable(value: unknown): value is object {
	if (Array.isArray(value)) return true;
	if (value === null || typeof value !== 'object') return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * The paths (as zod would name them, `a.0.b`; `''` for the input itself) of every text in a parsed payload,
 * key or value, that holds a forbidden character. Walks plain objects and arrays only.
 */
export function forbiddenTextPaths(input: unknown): string[] {
	const found: string[] = [];
	const walk = (value: unknown, path: string[], depth: number) => {
		if (typeof value === 'string') {
			if (hasForbiddenCharacters(value)) found.push(path.join('.'));
			return;
		}
		if (!isWalkable(value) || depth >= maxDepth) return;
		const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
		for (const [key, inner] of entries) {
			const name = String(key);
			if (hasForbiddenCharacters(name)) found.push([...path, name.replace(/[^\x20-\x7e]/g, '?')].join('.'));
			else walk(inner, [...path, name], depth + 1);
		}
	};
	walk(input, [], 0);
	return found;
}
