import { error } from '@sveltejs/kit';
import * as meetings from '$lib/server/modules/meetings';
import { can, ForbiddenError } from '$lib/server/permissions';
import { t } from '$lib/server/i18n';

export const load = async ({ locals }) => {
	try {
		return { ...(await meetings.listMeetings(locals.db, locals.actor)), canPlan: can(locals.actor, 'meeting.plan') };
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, t('error_forbidden_action'));
		throw err;
	}
};
