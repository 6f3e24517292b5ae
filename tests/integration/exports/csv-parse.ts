/** An RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF), independent of the writer. */
export function parseCsv(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (c === '"') {
			quoted = !quoted;
		} else if (quoted || (c !== separator && c !== '\r')) {
			field += c;
		} else if (c === separator) {
			endField();
		} else if (text[i + 1] === '\n') {
			endField();
			rows.push(row);
			row = [];
			i++;
		} else field += c;
	}
	if (field !== '' || row.length) {
		endField();
		rows.push(row);
	}
	return rows;
}
