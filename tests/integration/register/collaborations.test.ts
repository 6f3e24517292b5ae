import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testOrigin } from '../../fixtures/factories';
import { collaborationAmbitions, collaborations } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { countCollaborations, registerSuite, registerAudit, servicepunt } from './helpers';

const s = registerSuite();

describe('registering an arrangement', () => {
	it('stores its fields and ambitions, records the audit row and announces it after commit', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		const [row] = await s.db.select().from(collaborations).where(eq(collaborations.id, id));
		expect(row).toMatchObject({
			name: 'Servicepunt71',
			kind: 'gr',
			legalForm: 'bedrijfsvoeringsorganisatie',
			steering: 'bedrijfsvoering',
			leadMunicipalityId: 'leiden',
			startsOn: '2012-01-01',
			endsOn: null,
			noticeTerm: 2,
			noticeUnit: 'jaren',
			revision: 1,
			createdBy: s.verkenner.id
		});
		expect(row.documents).toEqual([{ title: 'Regeling Servicepunt71', url: 'https://example.org/regeling.pdf' }]);
		expect(await s.db.select().from(collaborationAmbitions).where(eq(collaborationAmbitions.collaborationId, id))).toEqual([
			{ collaborationId: id, ambitionId: 7 }
		]);
		const audit = await registerAudit(s.db, id);
		expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['collaboration.created', s.verkenner.id]]);
		expect(s.events).toEqual([expect.objectContaining({ collaborationId: id, part: 'created', municipalityId: null })]);
	});

	it('lets an administrator register one too: a light collaboration has no legal form', async () => {
		const input = servicepunt({
			name: 'Economie071',
			kind: 'licht',
			legalForm: null,
			steering: 'beleidsvoering',
			domain: 'Economie',
			noticeTerm: null,
			noticeUnit: null
		});
		const { id } = await register.createCollaboration(s.db, s.admin.actor, input, testOrigin);
		const [row] = await s.db.select().from(collaborations).where(eq(collaborations.id, id));
		expect(row).toMatchObject({ kind: 'licht', legalForm: null, noticeTerm: null, noticeUnit: null });
	});

	it.each([
		['an end date before the start', { endsOn: '2011-12-31' }, 'endsOn', 'validation_register_ends_before_start'],
		['a notice term without a unit', { noticeTerm: 6, noticeUnit: null }, 'noticeUnit', 'validation_register_notice_unit_missing'],
		['a notice unit without a term', { noticeTerm: null, noticeUnit: 'maanden' }, 'noticeTerm', 'validation_register_notice_term'],
		['an unknown notice unit', { noticeUnit: 'weken' }, 'noticeUnit', 'validation_register_notice_unit_missing'],
		['a negative notice term', { noticeTerm: -1 }, 'noticeTerm', 'validation_register_notice_term'],
		['a legal form of another kind', { legalForm: 'convenant' }, 'legalForm', 'validation_register_legal_form'],
		['a GR without a legal form', { legalForm: null }, 'legalForm', 'validation_register_legal_form'],
		['a light collaboration with a legal form', { kind: 'licht' }, 'legalForm', 'validation_register_legal_form'],
		['an unknown kind', { kind: 'fusie' }, 'kind', 'validation_register_kind'],
		['neither policy nor operations', { steering: 'beide' }, 'steering', 'validation_register_steering'],
		['no name', { name: '  ' }, 'name', 'validation_register_name_required'],
		['a date that does not exist', { startsOn: '2023-02-30' }, 'startsOn', 'validation_register_date'],
		['an ambition that does not exist', { ambitionIds: [8] }, 'ambitionIds.0', 'validation_register_ambition'],
		['an ambition twice', { ambitionIds: [2, 2] }, 'ambitionIds', 'validation_register_ambition'],
		['a lead outside the five', { leadMunicipalityId: 'wassenaar' }, 'leadMunicipalityId', 'validation_register_municipality'],
		['a document link that is not https', { documents: [{ title: 'Regeling', url: 'http://example.org' }] }, 'documents.0.url', 'validation_register_document'],
		['a control character in the name', { name: 'Servicepunt\u000071' }, 'name', 'validation_forbidden_characters']
	])('refuses %s with a Dutch message, storing nothing', async (_, extra, field, key) => {
		const before = await countCollaborations(s.db);
		const err = await rejection(register.createCollaboration(s.db, s.verkenner.actor, servicepunt(extra), testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await countCollaborations(s.db)).toBe(before);
		expect(s.events).toEqual([]);
	});

	it.each([null, 'not an object', 42, [], { name: 'x' }])('refuses input of any shape (%j) with a ValidationError', async (input) => {
		expect(await rejection(register.createCollaboration(s.db, s.verkenner.actor, input, testOrigin))).toBeInstanceOf(ValidationError);
	});

	it.each(['adviseurLeiden', 'kbLeiden', 'collegeLeiden', 'griffieLeiden', 'meelezer'] as const)(
		'refuses %s: the regional data is kept by the verkenner and administrators',
		async (who) => {
			const before = await countCollaborations(s.db);
			expect(await rejection(register.createCollaboration(s.db, s[who].actor, servicepunt(), testOrigin))).toBeInstanceOf(ForbiddenError);
			expect(await countCollaborations(s.db)).toBe(before);
		}
	);

	it('refuses nobody', async () => {
		expect(await rejection(register.createCollaboration(s.db, null, servicepunt(), testOrigin))).toBeInstanceOf(ForbiddenError);
	});
});

describe('changing an arrangement', () => {
	it('changes the fields at the revision seen, records what changed and bumps the revision', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		s.events.length = 0;
		const out = await register.updateCollaboration(
			s.db,
			s.verkenner.actor,
			servicepunt({ collaborationId: id, revision: 1, noticeTerm: 1, ambitionIds: [2, 7] }),
			testOrigin
		);
		expect(out.revision).toBe(2);
		const detail = await register.getCollaboration(s.db, s.meelezer.actor, id);
		expect(detail.collaboration).toMatchObject({ noticeTerm: 1, revision: 2, seq: 1 });
		expect(detail.ambitionIds).toEqual([2, 7]);
		const [, updated] = await registerAudit(s.db, id);
		expect(updated.action).toBe('collaboration.updated');
		expect(updated.details).toEqual({ changes: { noticeTerm: { from: 2, to: 1 }, ambitionIds: { from: [7], to: [2, 7] } }, revision: 2 });
		expect(s.events).toEqual([expect.objectContaining({ collaborationId: id, part: 'fields', seq: 1 })]);
	});

	it('refuses a stale revision (someone else changed it meanwhile), nothing stored', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		await register.updateCollaboration(s.db, s.verkenner.actor, servicepunt({ collaborationId: id, revision: 1, domain: 'ICT' }), testOrigin);
		const err = await rejection(
			register.updateCollaboration(s.db, s.admin.actor, servicepunt({ collaborationId: id, revision: 1, domain: 'Financiën' }), testOrigin)
		);
		expect(err).toBeInstanceOf(DomainError);
		expect([err.key, err.status]).toEqual(['register_conflict', 409]);
		expect((await register.getCollaboration(s.db, s.verkenner.actor, id)).collaboration.domain).toBe('ICT');
	});

	it('refuses an edit without a revision, an unknown arrangement, and an end before the start', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		expect((await rejection(register.updateCollaboration(s.db, s.verkenner.actor, servicepunt({ collaborationId: id }), testOrigin))).fields).toEqual({
			revision: 'validation_register_revision'
		});
		const missing = await rejection(
			register.updateCollaboration(s.db, s.verkenner.actor, servicepunt({ collaborationId: crypto.randomUUID(), revision: 1 }), testOrigin)
		);
		expect([missing.key, missing.status]).toEqual(['register_not_found', 404]);
		const early = await rejection(
			register.updateCollaboration(s.db, s.verkenner.actor, servicepunt({ collaborationId: id, revision: 1, endsOn: '2000-01-01' }), testOrigin)
		);
		expect(early.fields.endsOn).toBe('validation_register_ends_before_start');
		expect((await register.getCollaboration(s.db, s.verkenner.actor, id)).collaboration.revision).toBe(1);
	});

	it('refuses an official: the arrangement itself is regional data', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		expect(
			await rejection(register.updateCollaboration(s.db, s.adviseurLeiden.actor, servicepunt({ collaborationId: id, revision: 1 }), testOrigin))
		).toBeInstanceOf(ForbiddenError);
	});
});

describe('ending an arrangement', () => {
	it('ends it on a date with a reason; from then on it does not change', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		const out = await register.endCollaboration(
			s.db,
			s.admin.actor,
			{ collaborationId: id, revision: 1, endsOn: '2026-12-31', reason: 'Opgeheven' },
			testOrigin
		);
		expect(out.revision).toBe(2);
		const { collaboration } = await register.getCollaboration(s.db, s.verkenner.actor, id);
		expect(collaboration).toMatchObject({ endsOn: '2026-12-31', endReason: 'Opgeheven' });
		expect(collaboration.endedAt).toBeInstanceOf(Date);
		expect((await registerAudit(s.db, id)).map((a) => a.action)).toEqual(['collaboration.created', 'collaboration.ended']);
		const again = await rejection(register.updateCollaboration(s.db, s.verkenner.actor, servicepunt({ collaborationId: id, revision: 2 }), testOrigin));
		expect([again.key, again.status]).toEqual(['register_ended', 409]);
		const moment = await rejection(register.addMoment(s.db, s.verkenner.actor, { collaborationId: id, kind: 'evaluatie', on: '2027-01-01' }, testOrigin));
		expect(moment.key).toBe('register_ended');
	});

	it('refuses an end before the start and a stale revision, nothing stored', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
		const early = await rejection(register.endCollaboration(s.db, s.verkenner.actor, { collaborationId: id, revision: 1, endsOn: '2011-01-01' }, testOrigin));
		expect(early).toBeInstanceOf(ValidationError);
		expect(early.fields.endsOn).toBe('validation_register_ends_before_start');
		const stale = await rejection(register.endCollaboration(s.db, s.verkenner.actor, { collaborationId: id, revision: 5, endsOn: '2030-01-01' }, testOrigin));
		expect(stale.key).toBe('register_conflict');
		expect(
			await rejection(register.endCollaboration(s.db, s.adviseurLeiden.actor, { collaborationId: id, revision: 1, endsOn: '2030-01-01' }, testOrigin))
		).toBeInstanceOf(ForbiddenError);
		const { collaboration } = await register.getCollaboration(s.db, s.verkenner.actor, id);
		expect([collaboration.endedAt, collaboration.endsOn, collaboration.revision]).toEqual([null, null, 1]);
	});
});
