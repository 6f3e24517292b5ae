import { m } from '../../../paraglide/messages.js';
import type { Locale } from '../../../paraglide/runtime.js';
import { currentAction, type AuditAction } from './actions';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/**
 * The message of each action's label; every action has one, in both languages (a test reads the message
 * files). Old rows are labelled by the name their action has now (`legacyActions`).
 */
export const actionMessages = {
	'auth.logged_in': 'admin_audit_action_auth_login',
	'auth.logged_out': 'admin_audit_action_auth_logout',
	'auth.two_factor_enabled': 'admin_audit_action_auth_two_factor_enabled',
	'auth.two_factor_verified': 'admin_audit_action_auth_two_factor_verified',
	'auth.two_factor_failed': 'admin_audit_action_auth_two_factor_failed',
	'auth.two_factor_disabled': 'admin_audit_action_auth_two_factor_disabled',
	'auth.two_factor_recovery_code_used': 'admin_audit_action_auth_two_factor_recovery_code_used',
	'auth.two_factor_recovery_codes_regenerated': 'admin_audit_action_auth_two_factor_recovery_codes_regenerated',
	'user.invited': 'admin_audit_action_user_invited',
	'user.invitation_resent': 'admin_audit_action_user_invitation_resent',
	'mail.resent': 'admin_audit_action_mail_resent',
	'user.updated': 'admin_audit_action_user_updated',
	'user.roles_changed': 'admin_audit_action_user_roles_changed',
	'user.disabled': 'admin_audit_action_user_disabled',
	'user.enabled': 'admin_audit_action_user_enabled',
	'user.two_factor_reset': 'admin_audit_action_user_two_factor_reset',
	'municipality.updated': 'admin_audit_action_municipality_updated',
	'sign_in_provider.added': 'signin_audit_provider_added',
	'sign_in_provider.updated': 'signin_audit_provider_updated',
	'sign_in_provider.removed': 'signin_audit_provider_removed',
	'user.sign_in_linked': 'signin_audit_user_linked',
	'user.sign_in_unlinked': 'signin_audit_user_unlinked',
	'user.provisioned': 'signin_audit_user_provisioned',
	'auth.password_reset_requested': 'admin_audit_action_auth_password_reset_requested',
	'auth.password_set': 'admin_audit_action_auth_password_set',
	'account.password_changed': 'admin_audit_action_account_password_changed',
	'account.name_changed': 'admin_audit_action_account_name_changed',
	'account.locale_changed': 'admin_audit_action_account_locale_changed',
	'account.session_ended': 'admin_audit_action_account_session_ended',
	'account.notifications_changed': 'admin_audit_action_account_notifications_changed',
	'account.unsubscribed': 'admin_audit_action_account_unsubscribed',
	'item.created': 'admin_audit_action_item_create',
	'item.updated': 'admin_audit_action_item_update',
	'item.status_changed': 'admin_audit_action_item_transition',
	'item.text_edited': 'admin_audit_action_item_text_edited',
	'item.version_captured': 'admin_audit_action_item_version_capture',
	'item.version_restored': 'admin_audit_action_item_version_restore',
	'item.progress_reported': 'admin_audit_action_item_progress',
	'item.publication_changed': 'public_audit_item_publication',
	'comment.posted': 'admin_audit_action_comment_post',
	'comment.edited': 'admin_audit_action_comment_edited',
	'comment.deleted': 'admin_audit_action_comment_deleted',
	'comment.resolved': 'admin_audit_action_comment_resolved',
	'comment.reopened': 'admin_audit_action_comment_reopened',
	'position.set': 'admin_audit_action_position_set',
	'signoff.recorded': 'admin_audit_action_signoff_record',
	'signoff.voided': 'admin_audit_action_signoff_void',
	'council_decision.recorded': 'admin_audit_action_council_record',
	'interview.created': 'interviews_audit_create',
	'interview.updated': 'interviews_audit_update',
	'interview.notes_saved': 'interviews_audit_notes_saved',
	'interview.candidate_captured': 'interviews_audit_candidate_captured',
	'interview.candidate_updated': 'interviews_audit_candidate_updated',
	'interview.candidate_deleted': 'interviews_audit_candidate_deleted',
	'interview.candidate_promoted': 'interviews_audit_candidate_promoted',
	'interview.candidate_attached': 'interviews_audit_candidate_attached',
	'meeting.created': 'meetings_audit_create',
	'meeting.cancelled': 'meetings_audit_cancel',
	'meeting.highlights_published': 'public_audit_highlights_published',
	'meeting.updated': 'meetings_audit_update',
	'meeting.chair_named': 'meetings_audit_chair',
	'meeting.started': 'meetings_audit_start',
	'meeting.moved': 'meetings_audit_move',
	'meeting.timer_paused': 'meetings_audit_timer_paused',
	'meeting.timer_resumed': 'meetings_audit_timer_resumed',
	'meeting.checked_in': 'meetings_audit_checkin',
	'meeting.temperature_given': 'meetings_audit_temperature',
	'meeting.temperature_adopted': 'meetings_audit_temperature_adopted',
	'meeting.scenarios_shown': 'meetings_audit_scenarios_shown',
	'meeting.scenarios_hidden': 'meetings_audit_scenarios_hidden',
	'meeting.scenario_temperature_given': 'meetings_audit_scenario_temperature',
	'meeting.minute_written': 'meetings_audit_minute',
	'meeting.minute_deleted': 'meetings_audit_minute_deleted',
	'meeting.closed': 'meetings_audit_close',
	'collaboration.created': 'register_audit_created',
	'collaboration.updated': 'register_audit_updated',
	'collaboration.ended': 'register_audit_ended',
	'collaboration.participants_set': 'register_audit_participants_set',
	'collaboration.contributions_set': 'register_audit_contributions_set',
	'collaboration.contribution_set': 'register_audit_contribution_set',
	'collaboration.seats_set': 'register_audit_seats_set',
	'collaboration.moment_added': 'register_audit_moment_added',
	'collaboration.moment_changed': 'register_audit_moment_changed',
	'collaboration.moment_removed': 'register_audit_moment_removed',
	'collaboration.board_meeting_added': 'covernotes_audit_meeting_added',
	'collaboration.board_meeting_changed': 'covernotes_audit_meeting_changed',
	'collaboration.board_meeting_removed': 'covernotes_audit_meeting_removed',
	'collaboration.cover_note_saved': 'covernotes_audit_note_saved',
	'collaboration.cover_note_shared': 'covernotes_audit_note_shared',
	'collaboration.cover_note_unshared': 'covernotes_audit_note_unshared',
	'collaboration.comment_posted': 'covernotes_audit_comment_posted',
	'collaboration_report.drawn_up': 'regdash_audit_report_drawn_up',
	'collaboration.assessment_created': 'assessment_audit_created',
	'collaboration.assessment_answered': 'assessment_audit_answered',
	'collaboration.assessment_choice_set': 'assessment_audit_choice_set',
	'collaboration.assessment_completed': 'assessment_audit_completed',
	'collaboration.assessment_scored': 'assessment_audit_scored',
	'scenario.added': 'scenario_audit_added',
	'scenario.updated': 'scenario_audit_updated',
	'scenario.removed': 'scenario_audit_removed',
	'scenario.proposed': 'scenario_audit_proposed',
	'scenario.criteria_set': 'scenario_audit_criteria_set',
	'scenario.scored': 'scenario_audit_scored',
	'collaboration.assessment_linked': 'assessment_audit_linked',
	'collaboration.assessment_unlinked': 'assessment_audit_unlinked'
} as const satisfies Record<AuditAction, keyof typeof m>;

const objectTypeLabels: Record<string, Label> = {
	user: m.admin_audit_object_user,
	municipality: m.admin_audit_object_municipality,
	sign_in_provider: m.signin_audit_object_provider,
	agenda_item: m.admin_audit_object_agenda_item,
	comment: m.admin_audit_object_comment,
	interview: m.interviews_audit_object_interview,
	meeting: m.meetings_audit_object,
	collaboration: m.register_audit_object,
	collaboration_report: m.regdash_audit_object_report
};

const resultLabels: Record<string, Label> = {
	success: m.admin_audit_result_success,
	denied: m.admin_audit_result_denied,
	failure: m.admin_audit_result_failure
};

const labelOr = (labels: Record<string, Label>, key: string) => (Object.hasOwn(labels, key) ? labels[key]() : key);

/** The label of a stored action, old names included; an action no one labelled shows as itself. */
export function actionLabel(action: string, locale?: Locale): string {
	const now = currentAction(action);
	return now ? (m[actionMessages[now]] as Label)({}, locale ? { locale } : {}) : action;
}
export const objectTypeLabel = (type: string) => labelOr(objectTypeLabels, type);
export const resultLabel = (result: string) => labelOr(resultLabels, result);
