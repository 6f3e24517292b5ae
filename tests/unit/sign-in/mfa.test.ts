import { describe, expect, it } from 'vitest';
import { attestsMultiFactor } from '../../../src/lib/server/modules/sign-in/mfa';
import { refusalMessageKey, refusalReasons } from '../../../src/lib/server/modules/sign-in/refusal';

describe('when the provider’s sign-in counts as the second factor', () => {
	it('counts `mfa` in amr, as Entra ID and ADFS send it', () => {
		expect(attestsMultiFactor({ amr: ['pwd', 'mfa'] })).toBe(true);
		expect(attestsMultiFactor({ amr: ['mfa'] })).toBe(true);
	});

	it('counts two methods of which one is something one has or is (Keycloak’s pwd + otp, a key, a fingerprint)', () => {
		expect(attestsMultiFactor({ amr: ['pwd', 'otp'] })).toBe(true);
		expect(attestsMultiFactor({ amr: ['hwk', 'pin'] })).toBe(true);
		expect(attestsMultiFactor({ amr: ['fpt', 'swk'] })).toBe(true);
	});

	it('does not count one method alone, two knowledge methods, or nothing', () => {
		for (const amr of [['pwd'], ['otp'], ['hwk'], ['pwd', 'kba'], ['pwd', 'pwd'], [], undefined, 'mfa', [1, 2]]) {
			expect(attestsMultiFactor({ amr }), JSON.stringify(amr)).toBe(false);
		}
		expect(attestsMultiFactor({})).toBe(false);
	});

	it('counts an acr that is defined to mean multi-factor, and no other', () => {
		expect(attestsMultiFactor({ acr: 'http://schemas.microsoft.com/claims/multipleauthn' })).toBe(true);
		expect(attestsMultiFactor({ acr: 'http://eidas.europa.eu/LoA/substantial' })).toBe(true);
		expect(attestsMultiFactor({ acr: 'http://eidas.europa.eu/LoA/low' })).toBe(false);
		expect(attestsMultiFactor({ acr: '1' })).toBe(false);
		expect(attestsMultiFactor({ acr: 'urn:mace:incommon:iap:silver' })).toBe(false);
	});
});

describe('refusal reasons in an address', () => {
	it('names a message for every reason, and none for anything else', () => {
		for (const reason of refusalReasons) expect(refusalMessageKey(reason)).toMatch(/^(signin_|auth_)/);
		for (const other of ['toString', '__proto__', 'constructor', '', null, 42, 'auth_account_disabled']) expect(refusalMessageKey(other)).toBeNull();
	});
});
