import { m } from '../../../paraglide/messages.js';

type Label = () => string;

/** A readable label per known action key; keys added later show as themselves until they get one. */
const actionLabels: Record<string, Label> = {
	'auth.login': m.admin_audit_action_auth_login,
	'auth.logout': m.admin_audit_action_auth_logout,
	'auth.two_factor.enabled': m.admin_audit_action_auth_two_factor_enabled,
	'auth.two_factor.verified': m.admin_audit_action_auth_two_factor_verified,
	'auth.two_factor.failed': m.admin_audit_action_auth_two_factor_failed,
	'auth.two_factor.disabled': m.admin_audit_action_auth_two_factor_disabled,
	'auth.two_factor.recovery_code_used': m.admin_audit_action_auth_two_factor_recovery_code_used,
	'auth.two_factor.recovery_codes_regenerated': m.admin_audit_action_auth_two_factor_recovery_codes_regenerated,
	'user.invited': m.admin_audit_action_user_invited,
	'user.invitation_resent': m.admin_audit_action_user_invitation_resent,
	'user.updated': m.admin_audit_action_user_updated,
	'user.roles_changed': m.admin_audit_action_user_roles_changed,
	'user.disabled': m.admin_audit_action_user_disabled,
	'user.enabled': m.admin_audit_action_user_enabled,
	'user.two_factor_reset': m.admin_audit_action_user_two_factor_reset,
	'municipality.updated': m.admin_audit_action_municipality_updated,
	'auth.password_reset.requested': m.admin_audit_action_auth_password_reset_requested,
	'auth.password_set': m.admin_audit_action_auth_password_set,
	'account.password_changed': m.admin_audit_action_account_password_changed,
	'account.name_changed': m.admin_audit_action_account_name_changed,
	'account.locale_changed': m.admin_audit_action_account_locale_changed,
	'account.session_ended': m.admin_audit_action_account_session_ended,
	'item.create': m.admin_audit_action_item_create,
	'item.update': m.admin_audit_action_item_update,
	'item.transition': m.admin_audit_action_item_transition,
	'item.text_edited': m.admin_audit_action_item_text_edited,
	'item.version.capture': m.admin_audit_action_item_version_capture,
	'item.version.restore': m.admin_audit_action_item_version_restore,
	'item.progress': m.admin_audit_action_item_progress,
	'comment.post': m.admin_audit_action_comment_post,
	'comment.edited': m.admin_audit_action_comment_edited,
	'comment.deleted': m.admin_audit_action_comment_deleted,
	'comment.resolved': m.admin_audit_action_comment_resolved,
	'comment.reopened': m.admin_audit_action_comment_reopened,
	'position.set': m.admin_audit_action_position_set,
	'signoff.record': m.admin_audit_action_signoff_record,
	'signoff.void': m.admin_audit_action_signoff_void,
	'council.record': m.admin_audit_action_council_record,
	// interviews
	'interview.create': m.interviews_audit_create,
	'interview.update': m.interviews_audit_update,
	'interview.notes_saved': m.interviews_audit_notes_saved,
	'interview.candidate_captured': m.interviews_audit_candidate_captured,
	'interview.candidate_updated': m.interviews_audit_candidate_updated,
	'interview.candidate_deleted': m.interviews_audit_candidate_deleted,
	'interview.candidate_promoted': m.interviews_audit_candidate_promoted,
	'interview.candidate_attached': m.interviews_audit_candidate_attached,
	// klankbordgroep sessions
	'meeting.create': m.meetings_audit_create,
	'meeting.update': m.meetings_audit_update,
	'meeting.chair': m.meetings_audit_chair,
	'meeting.start': m.meetings_audit_start,
	'meeting.move': m.meetings_audit_move,
	'meeting.timer_paused': m.meetings_audit_timer_paused,
	'meeting.timer_resumed': m.meetings_audit_timer_resumed,
	'meeting.checkin': m.meetings_audit_checkin,
	'meeting.temperature': m.meetings_audit_temperature,
	'meeting.temperature_adopted': m.meetings_audit_temperature_adopted,
	'meeting.minute': m.meetings_audit_minute,
	'meeting.minute_deleted': m.meetings_audit_minute_deleted,
	'meeting.close': m.meetings_audit_close
};

const objectTypeLabels: Record<string, Label> = {
	user: m.admin_audit_object_user,
	municipality: m.admin_audit_object_municipality,
	agenda_item: m.admin_audit_object_agenda_item,
	comment: m.admin_audit_object_comment,
	interview: m.interviews_audit_object_interview,
	meeting: m.meetings_audit_object
};

const resultLabels: Record<string, Label> = {
	success: m.admin_audit_result_success,
	denied: m.admin_audit_result_denied,
	failure: m.admin_audit_result_failure
};

const labelOr = (labels: Record<string, Label>, key: string) => (Object.hasOwn(labels, key) ? labels[key]() : key);

export const actionLabel = (action: string) => labelOr(actionLabels, action);
export const objectTypeLabel = (type: string) => labelOr(objectTypeLabels, type);
export const resultLabel = (result: string) => labelOr(resultLabels, result);

/** The actions with a label, for the filter's choices. */
export const knownActions = Object.keys(actionLabels);
