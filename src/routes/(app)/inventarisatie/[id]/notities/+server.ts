import { json } from '@sveltejs/kit';
import * as interviews from '$lib/server/modules/interviews';
import { apiFailure } from '$lib/server/http/api-failure';
import { t } from '$lib/server/i18n';

/** 1 MB of editor JSON is far more than any notes; the server refuses more before parsing it. */
const MAX_BODY = 1_000_000;

/**
 * Saves the notes of an interview from its editor (JSON: `{ baseRevision, doc }`). A stale base revision is
 * answered 409 with the notes as they are stored now, so the editor can let the verkenner choose.
 */
export const POST = async ({ locals, request, params }) => {
	const raw = await request.text();
	if (raw.length > MAX_BODY) return json({ code: 'validation_interview_notes_too_long', message: t('validation_interview_notes_too_long') }, { status: 413 });
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(raw) as Record<string, unknown>;
	} catch {
		return json({ code: 'validation_interview_notes_malformed', message: t('validation_interview_notes_malformed') }, { status: 400 });
	}
	try {
		const saved = await interviews.saveNotes(locals.db, locals.actor, { ...body, interviewId: params.id }, locals.origin);
		return json(saved);
	} catch (err) {
		if (err instanceof interviews.NotesConflictError) {
			return json({ code: err.key, message: t(err.key), current: err.current }, { status: 409 });
		}
		return apiFailure(err);
	}
};
