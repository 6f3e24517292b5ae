import { m } from '../../../paraglide/messages.js';
import type { Locale } from '../../../paraglide/runtime.js';
import { notificationKinds, type NotificationKind } from '../../../notifications/kinds';
import type { VoidReason } from '../../../decisions/constants';

/**
 * The e-mails about notifications, as plain text and as simple HTML, in the recipient's language. Pure
 * functions of what they show: everything user-supplied (names, titles, excerpts, notes) is escaped in the
 * HTML and kept on one line in subjects.
 */

export interface MailNotice {
	kind: NotificationKind;
	itemTitle: string;
	actorName: string;
	/** Plain text (a comment's first words); empty for decision notices. */
	excerpt: string;
	municipality: string;
	version: string | number;
	reason?: string;
	note?: string;
	/** The exact place: the comment, or the item's decisions. */
	link: string;
}

export interface MailRecipient {
	name: string;
	locale: Locale;
}

export interface MailLinks {
	/** Where the person chooses per kind (their account page). */
	settings: string;
	/** The one-click unsubscribe page of this mail. */
	unsubscribe: string;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A subject is one header line: no line breaks (they would start a new header), no run-on whitespace. */
function oneLine(value: string, max = 180): string {
	const s = value.replace(/\s+/g, ' ').trim();
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const voidReason = (reason: string, locale: Locale) =>
	(
		({
			reopened: m.decisions_void_reopened,
			edited: m.decisions_void_edited,
			niet_akkoord: m.decisions_void_niet_akkoord
		}) as Record<VoidReason, (i: object, o: { locale: Locale }) => string>
	)[reason as VoidReason]?.({}, { locale }) ?? reason;

/** The notice as one sentence, as /meldingen shows it. */
export function noticeSentence(n: MailNotice, locale: Locale): string {
	const o = { locale };
	const item = n.itemTitle;
	const municipality = n.municipality;
	switch (n.kind) {
		case 'mention':
			return m.notifications_mention({ name: n.actorName, item }, o);
		case 'reply':
			return m.notifications_reply({ name: n.actorName, item }, o);
		case 'decision_requested':
			return m.notifications_decision_requested({ item, municipality, version: n.version }, o);
		case 'decision_voided':
			return m.notifications_decision_voided({ item, municipality, version: n.version, reason: voidReason(n.reason ?? 'reopened', locale) }, o);
		case 'council_requested':
			return m.notifications_council_requested({ item, municipality }, o);
		case 'position_requested':
			return m.notifications_position_requested({ item, municipality }, o);
	}
}

/** The quoted text under a notice: a comment's first words, or the note given when decisions were voided. */
function quoteOf(n: MailNotice, locale: Locale): { label?: string; text: string } | undefined {
	if (n.kind === 'decision_voided' && n.note) return { label: m.mail_quote_note({ name: n.actorName }, { locale }), text: n.note };
	if (n.excerpt) return { text: n.excerpt };
	return undefined;
}

export const kindAbout = (scope: NotificationKind | 'digest' | 'all', locale: Locale): string => msg(`mail_about_${scope}`, {}, locale);

type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;
function msg(key: string, inputs: Record<string, unknown>, locale: Locale): string {
	return (m as unknown as Record<string, MessageFn>)[key](inputs, { locale });
}

const STYLE = {
	body: 'margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5',
	link: 'color:#004b87;text-decoration:underline',
	quote: 'margin:8px 0 8px 0;padding:4px 12px;border-left:4px solid #8a8a8a;color:#333333',
	small: 'font-size:14px;color:#4a4a4a'
};

function page(locale: Locale, title: string, content: string, footer: string): string {
	return [
		'<!doctype html>',
		`<html lang="${locale}">`,
		`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
		`<body style="${STYLE.body}">`,
		`<div style="max-width:600px;margin:0 auto">`,
		content,
		`<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0 12px">`,
		`<div style="${STYLE.small}">${footer}</div>`,
		'</div>',
		'</body>',
		'</html>'
	].join('\n');
}

function footerParts(locale: Locale, lead: string, links: MailLinks) {
	const o = { locale };
	const text = [
		'-- ',
		lead,
		`${m.mail_footer_settings({}, o)}: ${links.settings}`,
		`${m.mail_footer_unsubscribe({}, o)}: ${links.unsubscribe}`,
		m.mail_footer_auto({}, o)
	].join('\n');
	const html = [
		`<p>${escapeHtml(lead)}</p>`,
		`<p><a href="${escapeHtml(links.settings)}" style="${STYLE.link}">${escapeHtml(m.mail_footer_settings({}, o))}</a><br>`,
		`<a href="${escapeHtml(links.unsubscribe)}" style="${STYLE.link}">${escapeHtml(m.mail_footer_unsubscribe({}, o))}</a></p>`,
		`<p>${escapeHtml(m.mail_footer_auto({}, o))}</p>`
	].join('\n');
	return { text, html };
}

/** The mail about one notification, sent at once: the subject says what awaits. */
export function renderImmediate(to: MailRecipient, n: MailNotice, links: MailLinks): RenderedMail {
	const locale = to.locale;
	const o = { locale };
	const item = oneLine(n.itemTitle, 120);
	const subject = oneLine(
		n.kind === 'mention' ? m.mail_subject_mention({ name: oneLine(n.actorName, 60), item }, o) : msg(`mail_subject_${n.kind}`, { item }, locale)
	);
	const sentence = noticeSentence(n, locale);
	const quote = quoteOf(n, locale);
	const footer = footerParts(locale, m.mail_footer_immediate({ about: kindAbout(n.kind, locale) }, o), links);
	const text = [
		m.mail_greeting({ name: to.name }, o),
		'',
		sentence,
		...(quote ? ['', ...(quote.label ? [quote.label] : []), ...quote.text.split('\n').map((l) => `> ${l}`)] : []),
		'',
		`${m.mail_open({}, o)}: ${n.link}`,
		'',
		footer.text
	].join('\n');
	const content = [
		`<p>${escapeHtml(m.mail_greeting({ name: to.name }, o))}</p>`,
		`<h1 style="font-size:20px;line-height:1.3;margin:16px 0">${escapeHtml(sentence)}</h1>`,
		quote ? quoteHtml(quote) : '',
		`<p><a href="${escapeHtml(n.link)}" style="${STYLE.link}">${escapeHtml(m.mail_open({}, o))}</a></p>`
	].join('\n');
	return { subject, text, html: page(locale, subject, content, footer.html) };
}

function quoteHtml(quote: { label?: string; text: string }): string {
	const label = quote.label ? `<p style="margin:8px 0 0">${escapeHtml(quote.label)}</p>` : '';
	return `${label}<blockquote style="${STYLE.quote}">${escapeHtml(quote.text).replace(/\n/g, '<br>')}</blockquote>`;
}

/** The daily digest: the notices grouped by kind (in the order of the account page), each linking to its place. */
export function renderDigest(to: MailRecipient, notices: MailNotice[], links: MailLinks): RenderedMail {
	const locale = to.locale;
	const o = { locale };
	const count = notices.length;
	const subject = m.mail_digest_subject({ count }, o);
	const groups = notificationKinds.map((kind) => ({ kind, notices: notices.filter((n) => n.kind === kind) })).filter((g) => g.notices.length);
	const footer = footerParts(locale, m.mail_footer_digest({}, o), links);
	const heading = (kind: NotificationKind, n: number) => msg(`mail_digest_group_${kind}`, { count: n }, locale);
	const text = [
		m.mail_greeting({ name: to.name }, o),
		'',
		m.mail_digest_intro({ count }, o),
		...groups.flatMap((g) => {
			const h = heading(g.kind, g.notices.length);
			return [
				'',
				h,
				'='.repeat(Math.min(h.length, 60)),
				...g.notices.flatMap((n) => {
					const quote = quoteOf(n, locale);
					return [`- ${noticeSentence(n, locale)}`, ...(quote ? [`  "${quote.text.replace(/\s+/g, ' ')}"`] : []), `  ${n.link}`];
				})
			];
		}),
		'',
		footer.text
	].join('\n');
	const content = [
		`<h1 style="font-size:22px;margin:0 0 8px">${escapeHtml(m.mail_digest_title({}, o))}</h1>`,
		`<p>${escapeHtml(m.mail_greeting({ name: to.name }, o))}</p>`,
		`<p>${escapeHtml(m.mail_digest_intro({ count }, o))}</p>`,
		...groups.map((g) =>
			[
				`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(heading(g.kind, g.notices.length))}</h2>`,
				'<ul style="padding-left:20px;margin:0">',
				...g.notices.map((n) => {
					const quote = quoteOf(n, locale);
					return `<li style="margin:0 0 12px"><a href="${escapeHtml(n.link)}" style="${STYLE.link}">${escapeHtml(noticeSentence(n, locale))}</a>${
						quote ? quoteHtml(quote) : ''
					}</li>`;
				}),
				'</ul>'
			].join('\n')
		)
	].join('\n');
	return { subject, text, html: page(locale, subject, content, footer.html) };
}
