/**
 * The link in an invitation or reset e-mail. The origin comes from the request (`event.url.origin`,
 * which adapter-node takes from ORIGIN in production), so links work on a laptop and behind a proxy alike.
 */
export function setPasswordLink(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}/wachtwoord-instellen/${encodeURIComponent(token)}`;
}
