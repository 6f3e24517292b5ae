import type { Queryable } from '../../db';
import { readConfig } from '../../config';
import { enqueueMail } from '../mail';
import { escapeHtml } from '../collaboration';
import type { IcsMethod } from './report/ics';
import { calendarEvent, sessionUrl, type CalendarPerson, type CalendarPlan, type Locale } from './invitation';
import { formatWhen } from '../../../meetings/time';
import { m } from '../../../paraglide/messages.js';

/**
 * What a mail tells an invitee: they are invited, the plan changed, they are no longer invited, or the
 * session is cancelled. The first two carry METHOD:REQUEST, the last two METHOD:CANCEL.
 */
export type CalendarNotice = 'invited' | 'updated' | 'uninvited' | 'cancelled';

const methods: Record<CalendarNotice, IcsMethod> = { invited: 'REQUEST', updated: 'REQUEST', uninvited: 'CANCEL', cancelled: 'CANCEL' };

/**
 * Queues one mail per person, in their own language, with the session's calendar event attached, inside
 * the caller's transaction: the mails leave exactly when the change they tell about is committed. `plan`
 * is the session as it is after the change (read in the same transaction).
 */
export async function mailCalendarNotice(tx: Queryable, plan: CalendarPlan, notice: CalendarNotice, to: CalendarPerson[]): Promise<void> {
	if (!to.length) return;
	const baseUrl = readConfig().siteUrl;
	const method = methods[notice];
	const events = new Map<string, string>();
	for (const person of to) {
		// Someone no longer invited gets a cancellation naming only them: the others stay invited.
		const attendees = notice === 'uninvited' ? [person] : plan.invitees;
		const key = notice === 'uninvited' ? `${person.locale}:${person.id}` : person.locale;
		let ics = events.get(key);
		if (!ics) events.set(key, (ics = calendarEvent(plan, method, { locale: person.locale, baseUrl, attendees })));
		const content = mailContent(plan, notice, person, baseUrl);
		await enqueueMail(tx, {
			to: person.email,
			kind: 'meeting',
			userId: person.id,
			subject: content.subject,
			text: content.text,
			html: content.html,
			attachments: [{ filename: method === 'CANCEL' ? 'annulering.ics' : 'uitnodiging.ics', contentType: 'text/calendar; charset=utf-8', content: ics, method }]
		});
	}
}

/** The subject, plain text and HTML of one mail. Exported for tests. */
export function mailContent(plan: CalendarPlan, notice: CalendarNotice, person: CalendarPerson, baseUrl: string) {
	const locale: Locale = person.locale;
	const o = { locale };
	const when = formatWhen(plan.startsAt, plan.endsAt, locale);
	const url = sessionUrl(plan.id, baseUrl);
	const subject = {
		invited: m.meetings_mail_subject_invited,
		updated: m.meetings_mail_subject_updated,
		uninvited: m.meetings_mail_subject_uninvited,
		cancelled: m.meetings_mail_subject_cancelled
	}[notice]({ title: plan.title, when }, o);
	const intro = {
		invited: m.meetings_mail_intro_invited,
		updated: m.meetings_mail_intro_updated,
		uninvited: m.meetings_mail_intro_uninvited,
		cancelled: m.meetings_mail_intro_cancelled
	}[notice]({ title: plan.title }, o);
	const facts: [string, string, 'link'?][] = [[m.meetings_mail_when({}, o), `${when} ${m.meetings_mail_time_zone({}, o)}`]];
	if (plan.location) facts.push([m.meetings_mail_where({}, o), plan.location]);
	const withAgenda = notice === 'invited' || notice === 'updated';
	// The online link only for someone who is to come: not in a cancellation.
	if (plan.onlineUrl && withAgenda) facts.push([m.meetings_mail_online({}, o), plan.onlineUrl, 'link']);
	if (notice === 'cancelled' && plan.cancelReason) facts.push([m.meetings_mail_reason({}, o), plan.cancelReason]);
	const agenda = withAgenda ? plan.agenda.map((e) => m.meetings_ics_agenda_line({ position: e.position, title: e.title, minutes: e.minutes }, o)) : [];
	const calendar = methods[notice] === 'CANCEL' ? m.meetings_mail_calendar_cancel({}, o) : m.meetings_mail_calendar_request({}, o);
	const greeting = m.meetings_mail_greeting({ name: person.name }, o);
	const closing = m.meetings_mail_closing({}, o);
	const linkLabel = m.meetings_mail_link({}, o);
	const agendaHeading = m.meetings_mail_agenda({}, o);

	const text = [
		greeting,
		'',
		intro,
		'',
		...facts.map(([label, value]) => `${label}: ${value}`),
		...(withAgenda ? ['', `${agendaHeading}:`, ...(agenda.length ? agenda : [m.meetings_mail_agenda_none({}, o)])] : []),
		'',
		`${linkLabel}: ${url}`,
		'',
		calendar,
		'',
		closing
	].join('\n');

	const e = escapeHtml;
	const paragraph = (s: string) => `<p style="margin:0 0 16px">${e(s).replace(/\n/g, '<br>')}</p>`;
	const row = ([label, value, kind]: [string, string, 'link'?]) =>
		`<tr><th scope="row" align="left" valign="top" style="padding:4px 16px 4px 0;font-weight:bold">${e(label)}</th><td style="padding:4px 0">${
			kind === 'link' ? `<a href="${e(value)}" style="color:#01689b">${e(value)}</a>` : e(value).replace(/\n/g, '<br>')
		}</td></tr>`;
	const html = [
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
		'<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">',
		'<div style="max-width:600px">',
		paragraph(greeting),
		paragraph(intro),
		`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${facts.map(row).join('')}</table>`,
		withAgenda
			? `<h2 style="font-size:18px;margin:0 0 8px">${e(agendaHeading)}</h2>` +
				(agenda.length
					? `<ol style="margin:0 0 16px;padding-left:24px">${plan.agenda.map((a) => `<li>${e(a.title)} (${e(m.meetings_mail_minutes({ minutes: a.minutes }, o))})</li>`).join('')}</ol>`
					: paragraph(m.meetings_mail_agenda_none({}, o)))
			: '',
		`<p style="margin:0 0 16px"><a href="${e(url)}" style="color:#01689b;font-weight:bold">${e(linkLabel)}</a></p>`,
		`<p style="margin:0 0 16px;color:#4d4d4d">${e(calendar)}</p>`,
		paragraph(closing),
		'</div></body></html>'
	].join('');
	return { subject, text, html };
}
