/**
 * Notifications: written inside the transaction of the act that caused them (`notify`), shown on the
 * notifications page, and mailed as each person chose per kind: at once, in the daily digest, or not at all.
 * Notices about decision-making (who is told when an item is up for decision, adopted, in bespreking, or when
 * college decisions are voided) are in-transaction subscribers of the bus.
 */
import { subscribeDecisionNotices } from './decision-notices';

export { notify, notificationView } from './notify';
export { notificationPreferencesOf, notificationSettings, setNotificationPreferences } from './preferences';
export { sendDigests, digestWorker } from './digest';
export { unsubscribe, unsubscribeTarget, unsubscribeToken } from './unsubscribe';
export { kindAbout } from './mail-templates';

// Every process that writes items tells people the same way: set up when this module loads.
subscribeDecisionNotices();
