import { m } from '../../../paraglide/messages.js';
import { richTextBlocks, type Block, type Outline } from '../../documents';
import { formatDate, formatMoment, languageTag, type DocumentLocale } from '../../documents/format';
import type { ItemBrief } from './item-brief';
import { costBlocks, decisionBlocks, moreBlocks, planningBlocks } from './brief-sections';
import { statusLabel } from './labels';

/**
 * The raadsinformatiebrief as an outline: a letterhead (to the council, date, subject), the text as signed
 * with its version and hash, the costs for the municipality, the decisions so far, and a link back.
 */
export function briefOutline(brief: ItemBrief, locale: DocumentLocale, itemUrl: string): Outline {
	const name = brief.municipality.name;
	const title = m.brief_title({ municipality: name, title: brief.item.title }, { locale });
	const blocks: Block[] = [
		{ type: 'heading', level: 1, text: title },
		{
			type: 'fields',
			rows: [
				{ label: m.brief_to({}, { locale }), value: m.brief_to_value({ municipality: name }, { locale }) },
				{ label: m.brief_date({}, { locale }), value: formatDate(brief.generatedAt, locale) },
				{ label: m.brief_topic({}, { locale }), value: brief.item.title },
				{ label: m.brief_ambition({}, { locale }), value: brief.item.ambition },
				{ label: m.brief_status({}, { locale }), value: statusLabel(brief.item.status, locale) }
			]
		},
		{ type: 'paragraph', text: m.brief_intro({ title: brief.item.title, municipality: name }, { locale }) },
		...textBlocks(brief, locale),
		...planningBlocks(brief, locale),
		...costBlocks(brief, locale),
		...decisionBlocks(brief, locale),
		...moreBlocks(brief, locale, itemUrl)
	];
	return {
		title,
		subject: m.brief_subject({}, { locale }),
		creator: m.report_creator({}, { locale }),
		language: languageTag(locale),
		createdAt: brief.generatedAt,
		footer: m.brief_footer({ municipality: name, date: formatMoment(brief.generatedAt, locale) }, { locale }),
		pageLabel: (page, total) => m.report_page({ page, total }, { locale }),
		blocks
	};
}

/** Which text this is, said plainly: the version and the start of its hash, or that it is a draft. */
export function textLabel(brief: ItemBrief, locale: DocumentLocale): string {
	const { kind, versionNumber, contentHash } = brief.text;
	const args = { number: versionNumber ?? 0, hash: (contentHash ?? '').slice(0, 12) };
	if (kind === 'adopted') return m.brief_text_adopted(args, { locale });
	if (kind === 'frozen') return m.brief_text_frozen(args, { locale });
	if (kind === 'version') return m.brief_text_version(args, { locale });
	return m.brief_text_draft({}, { locale });
}

function textBlocks(brief: ItemBrief, locale: DocumentLocale): Block[] {
	const { content, verified, currentDiffers } = brief.text;
	const notes: Block[] = [];
	if (!verified) notes.push({ type: 'paragraph', text: [{ text: m.brief_text_unverified({}, { locale }), bold: true }] });
	if (currentDiffers) notes.push({ type: 'paragraph', text: m.brief_text_differs({}, { locale }), muted: true });
	const rich = (html: string, plain: string): Block[] => {
		const blocks = richTextBlocks(html, 4);
		if (blocks.length) return blocks;
		return [{ type: 'paragraph', text: plain.trim() || m.brief_no_text({}, { locale }), muted: !plain.trim() }];
	};
	return [
		{ type: 'heading', level: 2, text: m.brief_text_heading({}, { locale }) },
		{ type: 'fields', rows: [{ label: m.brief_text_label({}, { locale }), value: textLabel(brief, locale) }] },
		...notes,
		{ type: 'heading', level: 3, text: m.brief_summary({}, { locale }) },
		{ type: 'paragraph', text: content.summary.trim() || m.brief_no_text({}, { locale }), muted: !content.summary.trim() },
		{ type: 'heading', level: 3, text: m.agenda_section_description({}, { locale }) },
		...rich(content.description.html, content.description.text),
		{ type: 'heading', level: 3, text: m.agenda_section_meerwaarde({}, { locale }) },
		...rich(content.meerwaarde.html, content.meerwaarde.text)
	];
}
