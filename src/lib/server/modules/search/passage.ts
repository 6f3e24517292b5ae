/**
 * The passage of a result with its matching words marked. PostgreSQL's `ts_headline` marks them with two
 * control characters that no stored text can hold (every text is refused with control characters), so the
 * page can show the passage as plain text pieces, never as HTML.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface PassagePart {
	text: string;
	mark: boolean;
}

/** `ts_headline`'s options: the markers, a short passage (up to two fragments) around the matches. */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** The marked passage as parts to show, adjacent parts of the same kind joined. */
export function passageParts(headline: string): PassagePart[] {
	const parts: PassagePart[] = [];
	let mark = false;
	for (const piece of headline.split(new RegExp(`([${MARK_START}${MARK_END}])`))) {
		if (piece === MARK_START || piece === MARK_END) {
			mark = piece === MARK_START;
			continue;
		}
		if (!piece) continue;
		const last = parts.at(-1);
		if (last && last.mark === mark) last.text += piece;
		else parts.push({ text: piece, mark });
	}
	return parts;
}
