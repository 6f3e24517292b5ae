import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, collaborationCoverNotes, collaborationReports } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { DomainError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { testOrigin } from '../../fixtures/factories';
import { squash } from '../../fixtures/read-documents';
import { expectAccessibleDocx, expectAccessiblePdf } from '../documents/helpers';
import { arrangementWith, registerSuite } from './helpers';
import { addBoardMeeting, addMoments, completedAssessment, smallRegister } from './dashboard-helpers';

const s = registerSuite();
const ORIGIN = 'https://regioportaal.example';
const opts = { locale: 'nl' as const, origin: ORIGIN };
const TITLE = 'Halfjaarrapportage samenwerkingen Leiden, tweede halfjaar 2026';
/** A name with the characters a standard PDF font loses or a careless writer breaks. */
const SPECIAL_NAME = 'Sociaal domein ‘Zoë’ € regio';

async function fixture() {
	const { sp } = await smallRegister(s);
	const special = await arrangementWith(s, { name: SPECIAL_NAME, domain: 'Sociaal domein', startsOn: '2026-07-01' }, 'leiden', []);
	await addMoments(s, sp, [
		{ kind: 'jaarrekening', on: '2026-05-20', note: 'Jaarrekening 2025 vastgesteld' },
		{ kind: 'begroting', on: '2026-09-15', note: 'Begroting 2027 besproken' },
		{ kind: 'zienswijze', on: '2026-10-01', municipalityId: 'leiden', note: 'Zienswijze Leiden ingediend' },
		{ kind: 'zienswijze', on: '2026-10-02', municipalityId: 'oegstgeest', note: 'Zienswijze Oegstgeest' },
		{ kind: 'kadernota', on: '2027-04-10', note: 'Kadernota 2028 verwacht' },
		{ kind: 'evaluatie', on: '2027-09-01', note: 'Evaluatie najaar 2027' }
	]);
	const ab = await addBoardMeeting(s.db, sp, 'ab', '2026-11-20', 'AB november');
	await s.db.insert(collaborationCoverNotes).values([
		{
			boardMeetingId: ab.id,
			collaborationId: sp,
			municipalityId: 'leiden',
			relevance: 'Belang Leiden: huisvesting',
			sharedAt: new Date('2026-11-10T09:00:00Z')
		},
		{
			boardMeetingId: ab.id,
			collaborationId: sp,
			municipalityId: 'oegstgeest',
			relevance: 'Belang Oegstgeest: ICT',
			sharedAt: new Date('2026-11-10T09:00:00Z')
		}
	]);
	await completedAssessment(s.db, sp, 'Evaluatie Servicepunt71 2026', new Date('2026-10-01T10:00:00Z'), []);
	await completedAssessment(s.db, sp, 'Evaluatie voorjaar', new Date('2026-03-01T10:00:00Z'), []);
	return { sp, special };
}

const reportsOf = (municipalityId: string) => s.db.select().from(collaborationReports).where(eq(collaborationReports.municipalityId, municipalityId));

describe('the half-yearly report', () => {
	it('is an accessible PDF with the figures of the chosen half year and not of another, every character kept', async () => {
		await fixture();
		const file = await register.drawUpReport(s.db, s.griffieLeiden.actor, { gemeente: 'leiden', halfjaar: '2026-H2', formaat: 'pdf' }, testOrigin, opts);
		expect(file.type).toBe('application/pdf');
		expect(file.filename).toBe('halfjaarrapportage-samenwerkingen-leiden-2026-H2.pdf');
		const { pdf } = await expectAccessiblePdf(file.bytes, { title: TITLE, lang: 'nl-NL', links: [`${ORIGIN}/samenwerkingen/dashboard?gemeente=leiden`] });
		const text = pdf.text;
		// This year's contributions and the total, the exit cost and notice term.
		for (const figure of ['1.000.000,00', '42.500,00', 'Totale bijdrage 2026: € 1.042.500,00', '250.000,00', '2 jaar']) expect(text).toContain(figure);
		// The moments of this half year and the next, the board meeting, the assessment and the shared cover note.
		for (const line of [
			'Begroting 2027 besproken',
			'Zienswijze Leiden ingediend',
			'Kadernota 2028 verwacht',
			'AB november',
			'Evaluatie Servicepunt71 2026',
			'Belang Leiden: huisvesting'
		])
			expect(text).toContain(line);
		// Not another year's contribution, another half year's moments or assessment, another council's deadline or cover note.
		for (const other of [
			'950.000,00',
			'900.000,00',
			'Jaarrekening 2025 vastgesteld',
			'Evaluatie najaar 2027',
			'Evaluatie voorjaar',
			'Zienswijze Oegstgeest',
			'Belang Oegstgeest',
			'210.000,00'
		])
			expect(text).not.toContain(other);
		expect(text).toContain(SPECIAL_NAME);
		expect(text).toContain('Dit is de eerste rapportage voor deze gemeente.');
	});

	it('is recorded when drawn up: a report row and an audit entry, from which the next report and the dashboard count the changes', async () => {
		const [row] = await reportsOf('leiden');
		expect(row).toMatchObject({ half: '2026-H2', createdBy: s.griffieLeiden.id });
		const [audit] = await s.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'collaboration_report.drawn_up'), eq(auditEvents.objectId, row.id)));
		expect(audit).toMatchObject({ objectType: 'collaboration_report', result: 'success', actorUserId: s.griffieLeiden.id });
		expect(audit.details).toEqual({ municipalityId: 'leiden', half: '2026-H2', format: 'pdf' });
		const [sp] = (await register.listCollaborations(s.db, s.verkenner.actor, { municipalityId: 'oegstgeest' })).map((c) => c.id);
		await register.addMoment(s.db, s.verkenner.actor, { collaborationId: sp, kind: 'evaluatie', on: '2026-12-20', note: 'Extra evaluatie' }, testOrigin);
		const file = await register.drawUpReport(s.db, s.adviseurLeiden.actor, { gemeente: 'leiden', halfjaar: '2026-H2', formaat: 'docx' }, testOrigin, opts);
		const doc = await expectAccessibleDocx(file.bytes, { title: TITLE, lang: 'nl-NL' });
		const changes = doc.tables.find((t) => t.rows[0].join('|') === 'Wanneer|Samenwerking|Wijziging');
		expect(changes?.rows.slice(1).map((r) => [r[1], r[2]])).toEqual([['Servicepunt71', 'Besluitmoment toegevoegd']]);
		expect(await reportsOf('leiden')).toHaveLength(2);
	});

	it('is an editable Word document holding the same figures', async () => {
		const file = await register.drawUpReport(s.db, s.kbLeiden.actor, { gemeente: 'leiden', halfjaar: '2026-H2', formaat: 'docx' }, testOrigin, opts);
		expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		const doc = await expectAccessibleDocx(file.bytes, { title: TITLE, lang: 'nl-NL' });
		const text = squash(doc.paragraphs.map((p) => p.text).join(' ') + ' ' + doc.tables.flatMap((t) => t.rows.flat()).join(' '));
		for (const figure of ['1.000.000,00', '42.500,00', '250.000,00', 'Begroting 2027 besproken', SPECIAL_NAME]) expect(text).toContain(figure);
		expect(text).not.toContain('950.000,00');
		expect(doc.tables[0].rows[0]).toEqual(['Samenwerking', 'Bijdrage 2026', 'Uittreedkosten', 'Opzegtermijn']);
	});

	it('for another half year holds that year’s figures', async () => {
		const file = await register.drawUpReport(s.db, s.kbLeiden.actor, { gemeente: 'leiden', halfjaar: '2025-H1', formaat: 'docx' }, testOrigin, opts);
		const doc = await expectAccessibleDocx(file.bytes, { title: 'Halfjaarrapportage samenwerkingen Leiden, eerste halfjaar 2025', lang: 'nl-NL' });
		const overview = doc.tables[0].rows.slice(1);
		// The arrangement that started in 2026 is not in a 2025 report.
		expect(overview.map((r) => r[0])).toEqual(['Holland Rijnland', 'Servicepunt71']);
		expect(overview.map((r) => squash(r[1]))).toEqual(['€ 40.000,00', '€ 950.000,00']);
	});

	it('refuses bad input in Dutch and stores nothing; without a role nothing is drawn up', async () => {
		const before = (await reportsOf('leiden')).length;
		const cases: [Record<string, unknown>, string][] = [
			[{ gemeente: 'amsterdam', halfjaar: '2026-H2', formaat: 'pdf' }, 'validation_regdash_municipality'],
			[{ gemeente: 'leiden', halfjaar: '2026-H3', formaat: 'pdf' }, 'validation_regdash_half'],
			[{ gemeente: 'leiden', halfjaar: ['2026-H2'], formaat: 'pdf' }, 'validation_regdash_half'],
			[{ gemeente: 'leiden', halfjaar: '2026-H2', formaat: 'exe' }, 'validation_regdash_format'],
			[{ gemeente: 'leiden', halfjaar: '2026-H2' }, 'validation_regdash_format']
		];
		for (const [input, key] of cases) {
			const err = await register.drawUpReport(s.db, s.kbLeiden.actor, input, testOrigin, opts).catch((e) => e);
			expect(err, JSON.stringify(input)).toBeInstanceOf(DomainError);
			expect(err.key).toBe(key);
			expect(err.status).toBe(400);
		}
		await expect(register.drawUpReport(s.db, null, { gemeente: 'leiden', halfjaar: '2026-H2', formaat: 'pdf' }, testOrigin, opts)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await reportsOf('leiden')).toHaveLength(before);
	});
});
