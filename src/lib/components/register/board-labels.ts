import { m } from '$lib/paraglide/messages.js';
import type { BoardMeetingKind } from '$lib/register/constants';

const labels: Record<BoardMeetingKind, () => string> = {
	ab: m.covernotes_board_ab,
	db: m.covernotes_board_db,
	pho: m.covernotes_board_pho
};

/** The board's name in the reader's language; an unknown code shows as itself. */
export function boardLabel(board: string): string {
	return Object.hasOwn(labels, board) ? labels[board as BoardMeetingKind]() : board;
}

/** How a count of visible cover notes reads: "nog geen oplegnotitie", "1 oplegnotitie", "3 oplegnotities". */
export function notesCountLabel(count: number): string {
	return count ? m.covernotes_notes_count({ count }) : m.covernotes_notes_none();
}
