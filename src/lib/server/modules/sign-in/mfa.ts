/**
 * When a provider's sign-in counts as the second factor, so the portal does not ask for its own TOTP code.
 *
 * The rule, from the ID token only (docs/security.md, *Sign-in with a municipality's account*):
 * - `amr` (RFC 8176) holds `mfa`; or it names at least two methods of which one is something one has or is
 *   (`otp`, `hwk`, `swk`, `sc`, `sms`, `tel`, `pop`, `fpt`, `face`, `iris`, `retina`, `vbm`): Entra ID and ADFS
 *   send `["pwd","mfa"]`, Keycloak `["pwd","otp"]`. One method alone (`["otp"]`, `["pwd"]`) is one factor.
 * - or `acr` is one of the few values that are defined to mean multi-factor (below).
 * Anything else, a missing claim included, is not multi-factor.
 */
const strongMethods = new Set(['otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'pop', 'fpt', 'face', 'iris', 'retina', 'vbm']);

/** `acr` values that mean multi-factor by definition (ADFS/Entra, SAML's contract, eIDAS substantial and high). */
export const multiFactorAcr: readonly string[] = [
	'mfa',
	'http://schemas.microsoft.com/claims/multipleauthn',
	'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
	'http://eidas.europa.eu/LoA/substantial',
	'http://eidas.europa.eu/LoA/high'
];

export function attestsMultiFactor(claims: { readonly [claim: string]: unknown }): boolean {
	const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
	if (amr.includes('mfa')) return true;
	if (new Set(amr).size >= 2 && amr.some((v) => strongMethods.has(v))) return true;
	return typeof claims.acr === 'string' && multiFactorAcr.includes(claims.acr);
}
