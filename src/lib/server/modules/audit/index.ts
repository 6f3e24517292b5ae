/** The append-only audit trail: `record` inside the caller's transaction, and the queries of the audit page. */
export { record, type AuditEntry, type Origin } from './record';
export { legacyActions, storedNames, type AuditAction, type AuditActionEntry, type AuditDetails } from './actions';
export * from './queries';
export { actionLabel } from './labels';
