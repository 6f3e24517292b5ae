/**
 * Notices about decision-making: who is told when an item is up for decision, adopted, in bespreking, or
 * when college decisions are voided. Written inside the transaction of the command that caused them (the
 * bus's in-transaction subscribers), shown on the notifications page with mentions and replies.
 */
import { subscribeDecisionNotices } from './decision-notices';

// Every process that writes items tells people the same way: set up when this module loads.
subscribeDecisionNotices();
