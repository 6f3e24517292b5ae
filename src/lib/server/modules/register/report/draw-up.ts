import { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../../db';
import { collaborationReports, users } from '../../../db/schema';
import { authorize, type Actor } from '../../../permissions';
import { parse } from '../../../validate';
import { DomainError, ValidationError } from '../../../errors';
import { inTransaction } from '../../../bus';
import { record, type Origin } from '../../audit';
import { renderDocx, renderPdf } from '../../../documents';
import type { DocumentLocale } from '../../../documents/format';
import { municipalityIds } from '../../../../roles';
import { halfSchema } from './half';
import { halfYearReport } from './data';
import { reportOutline } from './outline';

const reportFormats = ['pdf', 'docx'] as const;

const TYPES: Record<(typeof reportFormats)[number], string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/** The report form: municipality, half year and file format. */
export const drawUpSchema = z.object({
	gemeente: z.enum(municipalityIds, { message: 'validation_regdash_municipality' }),
	halfjaar: halfSchema,
	formaat: z.enum(reportFormats, { message: 'validation_regdash_format' })
});

export interface ReportFile {
	bytes: Uint8Array;
	type: string;
	filename: string;
}

/**
 * Draws up a municipality's half-yearly report: the document is composed from the register and handed out,
 * and the report is recorded (a `collaboration_reports` row and an audit entry) in the same transaction, so
 * the dashboard's "changed since the last report" counts from exactly what the council received. Drawing
 * up is downloading: a report is only ever drawn up to be handed out, and a second download is a new one.
 * Whoever reads the register may draw it up (the policy's `register.read`). The changes it lists are those
 * since the previous report, read before the new one is recorded. Nothing listens for a report being drawn
 * up, so no domain event is published.
 */
export async function drawUpReport(
	db: Db,
	actor: Actor | null,
	input: unknown,
	origin: Origin,
	opts: { locale: DocumentLocale; origin: string; now?: Date }
): Promise<ReportFile> {
	const data = parseForm(input);
	authorize(actor, 'register.read');
	const now = opts.now ?? new Date();
	return inTransaction(db, async (tx) => {
		const report = await halfYearReport(tx, actor, data.gemeente, data.halfjaar);
		const outline = reportOutline(report, opts.locale, { now, registerUrl: `${opts.origin}/samenwerkingen/dashboard?gemeente=${data.gemeente}` });
		const bytes = data.formaat === 'pdf' ? await renderPdf(outline) : await renderDocx(outline);
		const [row] = await tx
			.insert(collaborationReports)
			.values({ municipalityId: data.gemeente, half: data.halfjaar, createdBy: actor?.userId ?? null })
			.returning({ id: collaborationReports.id });
		await record(tx, {
			actor,
			action: 'collaboration_report.drawn_up',
			objectType: 'collaboration_report',
			objectId: row.id,
			origin,
			details: { municipalityId: data.gemeente, half: data.halfjaar, format: data.formaat }
		});
		return { bytes, type: TYPES[data.formaat], filename: `halfjaarrapportage-samenwerkingen-${data.gemeente}-${data.halfjaar}.${data.formaat}` };
	});
}

/** The form's first problem as the error's own message: the file address has no form around it to show fields in. */
function parseForm(input: unknown): z.output<typeof drawUpSchema> {
	try {
		return parse(drawUpSchema, input);
	} catch (err) {
		if (err instanceof ValidationError) throw new DomainError(err.fields.gemeente ?? err.fields.halfjaar ?? err.fields.formaat ?? err.key, {}, err.fields, 400);
		throw err;
	}
}

/** The reports drawn up for a municipality, newest first, with who drew them up: the report page's history. */
export async function listReports(q: Queryable, actor: Actor | null, municipalityId: string) {
	authorize(actor, 'register.read');
	return q
		.select({ id: collaborationReports.id, half: collaborationReports.half, createdAt: collaborationReports.createdAt, by: users.name })
		.from(collaborationReports)
		.leftJoin(users, eq(users.id, collaborationReports.createdBy))
		.where(eq(collaborationReports.municipalityId, municipalityId))
		.orderBy(desc(collaborationReports.createdAt))
		.limit(10);
}
