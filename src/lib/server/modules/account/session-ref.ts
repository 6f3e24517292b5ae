import { hashToken } from '../../auth/tokens';

/** A session's public handle in forms: derived from its id, so the page never shows what the database keys on. */
export function sessionRef(sessionId: string): string {
	return hashToken(`ref:${sessionId}`).slice(0, 32);
}
