import { describe, expect, it } from 'vitest';
import {
	captureCandidateSchema,
	createInterviewSchema,
	inventoryFilterFrom,
	nestingDepth,
	saveNotesSchema,
	updateInterviewSchema
} from '../../../src/lib/validation/interviews';

const id = '5b0b7c1e-0000-4000-8000-000000000001';
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const interview = { municipalityId: 'leiden', body: 'directieteam', heldOn: '2026-03-02' };
const candidate = { id, interviewId: id, title: 'Regionale woningbouw', ambitionId: '1', horizon: 'voor_verkiezingen' };

describe('interview validation', () => {
	it('accepts an interview; participants one per line, visibility shared by default, bodyOther cleared unless overig', () => {
		const ok = createInterviewSchema.parse({ ...interview, participants: ' Burgemeester \n\n Wethouder ', bodyOther: 'vergeten' });
		expect(ok).toEqual({ ...interview, bodyOther: '', participants: ['Burgemeester', 'Wethouder'], visibility: 'klankbordgroep' });
	});

	it('refuses an unknown body, an unknown municipality, a date that does not exist, an unknown visibility', () => {
		expect(errorsOf(createInterviewSchema.safeParse({ ...interview, body: 'stuurgroep' }))).toEqual({ body: 'validation_interview_body' });
		expect(errorsOf(createInterviewSchema.safeParse({ ...interview, municipalityId: 'wassenaar' }))).toEqual({
			municipalityId: 'validation_interview_municipality'
		});
		expect(errorsOf(createInterviewSchema.safeParse({ ...interview, heldOn: '2026-02-30' }))).toEqual({ heldOn: 'validation_agenda_date' });
		expect(errorsOf(createInterviewSchema.safeParse({ ...interview, visibility: 'geheim' }))).toEqual({ visibility: 'validation_interview_visibility' });
	});

	it("'overig' needs the body's name, and keeps it", () => {
		expect(errorsOf(createInterviewSchema.safeParse({ ...interview, body: 'overig', bodyOther: '  ' }))).toEqual({
			bodyOther: 'validation_interview_body_other_required'
		});
		expect(createInterviewSchema.parse({ ...interview, body: 'overig', bodyOther: ' Stuurgroep ' }).bodyOther).toBe('Stuurgroep');
	});

	it('an update names the interview', () => {
		expect(errorsOf(updateInterviewSchema.safeParse({ ...interview, interviewId: 'x' }))).toEqual({ interviewId: 'validation_interview_unknown' });
		expect(updateInterviewSchema.parse({ ...interview, interviewId: id })).toMatchObject({ interviewId: id, body: 'directieteam' });
	});
});

describe('candidate validation', () => {
	it('accepts a candidate from a form: ambition as text, interested as one value or a list, in municipality order', () => {
		const ok = captureCandidateSchema.parse({ ...candidate, interested: ['zoeterwoude', 'leiden', 'leiden'] });
		expect(ok).toEqual({ ...candidate, ambitionId: 1, meerwaarde: '', interested: ['leiden', 'zoeterwoude'] });
		expect(captureCandidateSchema.parse({ ...candidate, interested: 'oegstgeest' }).interested).toEqual(['oegstgeest']);
	});

	it('a candidate without an ambition or title is refused with its own message', () => {
		expect(errorsOf(captureCandidateSchema.safeParse({ ...candidate, ambitionId: '', title: ' ' }))).toEqual({
			title: 'validation_candidate_title_required',
			ambitionId: 'validation_candidate_ambition_required'
		});
		expect(errorsOf(captureCandidateSchema.safeParse({ ...candidate, ambitionId: undefined }))).toEqual({
			ambitionId: 'validation_candidate_ambition_required'
		});
		expect(errorsOf(captureCandidateSchema.safeParse({ ...candidate, ambitionId: '0' }))).toEqual({ ambitionId: 'validation_candidate_ambition_unknown' });
	});

	it('refuses an unknown horizon, an interested municipality outside the region, a missing client id', () => {
		expect(errorsOf(captureCandidateSchema.safeParse({ ...candidate, horizon: 'ooit' }))).toEqual({ horizon: 'validation_candidate_horizon' });
		expect(Object.values(errorsOf(captureCandidateSchema.safeParse({ ...candidate, interested: ['wassenaar'] })))).toEqual([
			'validation_interview_municipality'
		]);
		expect(errorsOf(captureCandidateSchema.safeParse({ ...candidate, id: undefined }))).toEqual({ id: 'validation_candidate_unknown' });
	});
});

describe('notes validation', () => {
	const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hallo' }] }] };

	it('needs a base revision and an editor document', () => {
		expect(saveNotesSchema.parse({ interviewId: id, baseRevision: '3', doc }).baseRevision).toBe(3);
		expect(errorsOf(saveNotesSchema.safeParse({ interviewId: id, baseRevision: -1, doc }))).toEqual({ baseRevision: 'validation_interview_notes_revision' });
		expect(errorsOf(saveNotesSchema.safeParse({ interviewId: id, baseRevision: 0, doc: { type: 'paragraph' } }))).toEqual({
			doc: 'validation_interview_notes_malformed'
		});
	});

	it('refuses a document nested beyond reason before walking it', () => {
		let deep: Record<string, unknown> = { type: 'text', text: 'x' };
		for (let i = 0; i < 5000; i++) deep = { type: 'blockquote', content: [deep] };
		expect(nestingDepth(deep)).toBeGreaterThan(72);
		expect(errorsOf(saveNotesSchema.safeParse({ interviewId: id, baseRevision: 0, doc: { type: 'doc', content: [deep] } }))).toEqual({
			doc: 'validation_interview_notes_too_deep'
		});
	});
});

describe('overview filters', () => {
	it('keeps known values and drops the rest without an error', () => {
		expect(inventoryFilterFrom(new URLSearchParams('gemeente=leiden&orgaan=college&ambitie=2&horizon=na_verkiezingen&zichtbaarheid=vertrouwelijk'))).toEqual({
			gemeente: 'leiden',
			orgaan: 'college',
			ambitie: 2,
			horizon: 'na_verkiezingen',
			zichtbaarheid: 'vertrouwelijk'
		});
		expect(inventoryFilterFrom(new URLSearchParams('gemeente=wassenaar&orgaan=&ambitie=x'))).toEqual({
			gemeente: null,
			orgaan: null,
			ambitie: null,
			horizon: null,
			zichtbaarheid: null
		});
	});
});
