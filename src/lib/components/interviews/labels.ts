import { m } from '$lib/paraglide/messages.js';
import type { InterviewBody, InterviewVisibility } from '$lib/interviews/constants';

/** Names of the bodies as column headings and choices ("Directieteam"); `overig` shows its own name when given. */
export const bodyLabel = (body: InterviewBody | string, other = ''): string =>
	body === 'overig' && other
		? other
		: ((
				{
					directieteam: m.interviews_body_directieteam,
					college: m.interviews_body_college,
					portefeuillehouder: m.interviews_body_portefeuillehouder,
					gemeenteraad: m.interviews_body_gemeenteraad,
					fractie: m.interviews_body_fractie,
					overig: m.interviews_body_overig
				} as Record<string, () => string>
			)[body]?.() ?? body);

/** The same inside a sentence ("gesprek met directieteam Leiden"). */
export const bodyInline = (body: InterviewBody | string, other = ''): string =>
	body === 'overig' && other
		? other
		: ((
				{
					directieteam: m.interviews_body_inline_directieteam,
					college: m.interviews_body_inline_college,
					portefeuillehouder: m.interviews_body_inline_portefeuillehouder,
					gemeenteraad: m.interviews_body_inline_gemeenteraad,
					fractie: m.interviews_body_inline_fractie,
					overig: m.interviews_body_inline_overig
				} as Record<string, () => string>
			)[body]?.() ?? body);

export const visibilityLabel = (v: InterviewVisibility | string): string =>
	v === 'vertrouwelijk' ? m.interviews_visibility_vertrouwelijk() : m.interviews_visibility_klankbordgroep();
