import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { adminSections } from './sections.server';

export const load = ({ locals }) => {
	const sections = adminSections(locals.actor);
	if (!sections.length) error(403, m.error_forbidden());
	return { sections };
};
