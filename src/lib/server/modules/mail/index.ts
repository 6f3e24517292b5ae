/** Outgoing mail: the outbox (written in the caller's transaction, with its delivery job) and the delivery worker. */
export { enqueueMail, type Mail } from './outbox';
export { resetTransport } from './delivery';
export { resendMail } from './resend';
export { mailWorker } from './worker';
export * from './queries';
