import { z } from 'zod';
import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import { DomainError, ValidationError } from '../../errors';
import { parse } from '../../validate';
import { renderDocx, renderPdf } from '../../documents';
import type { DocumentLocale } from '../../documents/format';
import { municipalityIds } from '../../../roles';
import { itemBrief } from './item-brief';
import { briefOutline } from './brief-outline';

const briefFormats = ['pdf', 'docx'] as const;
type BriefFormat = (typeof briefFormats)[number];

const TYPES: Record<BriefFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/** ?gemeente=leiden&formaat=pdf|docx (formaat defaults to pdf). */
const briefQuerySchema = z.object({
	gemeente: z.enum(municipalityIds, { message: 'validation_documents_municipality' }),
	formaat: z.enum(briefFormats, { message: 'validation_documents_format' }).default('pdf')
});

export interface BriefFile {
	bytes: Uint8Array;
	type: string;
	filename: string;
}

/**
 * The raadsinformatiebrief of an item as a file: the query checked first (an unknown municipality or format
 * is a 400 naming what to choose), then the read model (404 for an unknown item, 400 for a municipality that
 * does not take part), then the document in the asked format.
 */
export async function itemBriefFile(
	q: Queryable,
	actor: Actor | null,
	itemId: string,
	query: Record<string, string>,
	opts: { locale: DocumentLocale; origin: string; now?: Date }
): Promise<BriefFile> {
	const { gemeente, formaat } = parseQuery(query);
	const brief = await itemBrief(q, actor, itemId, gemeente, opts.now);
	const outline = briefOutline(brief, opts.locale, `${opts.origin}/agenda/${brief.item.id}`);
	const bytes = formaat === 'pdf' ? await renderPdf(outline) : await renderDocx(outline);
	return { bytes, type: TYPES[formaat], filename: `raadsinformatiebrief-${gemeente}-${slug(brief.item.title)}.${formaat}` };
}

/** The query's first problem as the error's own message, so the 400 says what to choose. */
function parseQuery(query: Record<string, string>): z.output<typeof briefQuerySchema> {
	try {
		return parse(briefQuerySchema, { gemeente: query.gemeente ?? '', ...(query.formaat !== undefined ? { formaat: query.formaat } : {}) });
	} catch (err) {
		if (err instanceof ValidationError) {
			const key = err.fields.gemeente ?? err.fields.formaat ?? err.key;
			throw new DomainError(key, {}, err.fields, 400);
		}
		throw err;
	}
}

/** A file name anyone's disk accepts: letters without accents, digits and hyphens. */
function slug(title: string): string {
	const plain = title
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60)
		.replace(/-$/, '');
	return plain || 'agendapunt';
}
