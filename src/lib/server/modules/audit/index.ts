/** The append-only audit trail: `record` inside the caller's transaction, and the queries of the audit page. */
export { record, type AuditEntry, type AuditResult, type Origin } from './record';
export { auditActions, legacyActions, type AuditAction, type AuditActionEntry, type AuditDetails } from './actions';
export * from './queries';
