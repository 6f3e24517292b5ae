/**
 * Every action the policy decides. Regional actions ignore the municipality;
 * municipal actions are decided against the municipality they act for.
 */
export const regionalActions = [
	'region.read',
	'item.read',
	'item.create',
	'item.edit',
	/** Change an item's status; with a `transition` resource decided by the status machine (agenda/status.ts). */
	'item.transition',
	'item.comment',
	/** Make an item public before it is adopted (from vastgesteld on every item is public), or take that back. */
	'item.publish',
	'users.manage',
	'municipalities.manage',
	/** Configure the OpenID Connect providers people sign in with (a municipality's own account). */
	'sign_in_providers.manage',
	'audit.read',
	'mail.read',
	'mail.resend',
	/** Interviews shared with the klankbordgroep. */
	'interview.read',
	/** Confidential interviews too: the verkenner and administrators only. */
	'interview.read_confidential',
	/** Hold interviews, capture candidates, turn them into agenda items. */
	'interview.manage',
	'meeting.read',
	/** Plan a klankbordgroep session, set its agenda and invitees, name its chair. */
	'meeting.plan',
	/** Cancel a planned session (its invitees get a calendar cancellation). */
	'meeting.cancel',
	/** Drive a live session (move through the agenda, timer, minutes); with a `chairUserId` resource: only its chair. */
	'meeting.drive',
	/** Publish a closed session's highlights on the public site, or take them off it. */
	'meeting.publish',
	/** Choose how one hears of notifications by e-mail; with a `userId` resource: only one's own. */
	'notifications.configure',
	/** Read the register of joint arrangements (samenwerkingen). */
	'register.read',
	/** Keep the register's regional data: arrangements, participants, the year's split, cycle moments. */
	'register.manage',
	/** Comment on an arrangement, or on a cover note one may read. */
	'register.comment',
	/** Draw up an assessment (toetsingskader, afwegingskader) of an arrangement, link it to an agenda item, complete it. */
	'register.assess',
	/** Set the criteria an item's scenarios are weighed on (a preset or their own). */
	'scenario.criteria'
] as const;

export const municipalActions = [
	'position.set',
	'signoff.record',
	'council.record',
	/** Check in at a session for one's own municipality. */
	'meeting.checkin',
	/** Give one's municipality's temperature check on the item in view. */
	'meeting.temperature',
	/** Record one's municipality's contribution to an arrangement. */
	'register.contribution',
	/** Name one's municipality's board members (AB/DB) and council rapporteurs on an arrangement. */
	'register.seats',
	/** Write one's municipality's cover notes (oplegnotities) for board meetings, and share them or take that back. */
	'register.covernote',
	/** Read one's municipality's cover notes before they are shared (shared ones every reader of the register sees). */
	'register.covernote_read',
	/** Score an assessment on the weighing criteria for one's municipality. */
	'register.score',
	/** Score an item's scenarios for one's municipality, as the klankbordgroep (the council's view). */
	'scenario.score',
	/** Score an item's scenarios for one's municipality as its college (marked as the college's own). */
	'scenario.score_college'
] as const;

export const actions = [...regionalActions, ...municipalActions] as const;
export type RegionalAction = (typeof regionalActions)[number];
export type MunicipalAction = (typeof municipalActions)[number];
export type Action = (typeof actions)[number];

export function isMunicipalAction(action: Action): action is MunicipalAction {
	return (municipalActions as readonly string[]).includes(action);
}
