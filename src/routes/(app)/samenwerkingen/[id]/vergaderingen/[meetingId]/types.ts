/** A cover note as the meeting page shows it (the read model's row, dates as they arrive). */
export interface NoteView {
	id: string;
	municipalityId: string;
	agenda: string;
	relevance: string;
	proposedInput: string;
	sharedAt: Date | null;
	revision: number;
	updatedAt: Date;
}

/** The answer of one of the page's forms, as far as a part of the page needs it. */
export interface FormAnswer {
	which?: string;
	municipalityId?: string | null;
	done?: true;
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, unknown>;
}
