/** Outgoing mail: the outbox (always written, in the caller's transaction) and SMTP delivery after commit. */
export { enqueueMail, deliver } from './outbox';
export * from './queries';
