import { describe, expect, it } from 'vitest';
import { addSignInProviderSchema, issuerProblem, updateSignInProviderSchema } from '../../../src/lib/validation/sign-in-providers';

const base = { municipalityId: 'leiden', issuer: 'https://login.microsoftonline.com/abc/v2.0', clientId: 'x', clientSecret: 'geheim' };

describe('a sign-in provider’s form', () => {
	it('takes an HTTPS issuer, and plain HTTP only on this machine', () => {
		expect(issuerProblem('https://login.microsoftonline.com/abc/v2.0')).toBeNull();
		expect(issuerProblem('http://localhost:8080')).toBeNull();
		expect(issuerProblem('http://127.0.0.1:9000/realms/leiden')).toBeNull();
		expect(issuerProblem('http://login.leiden.nl')).toBe('validation_signin_issuer_https');
		expect(issuerProblem('ftp://login.leiden.nl')).toBe('validation_signin_issuer_https');
		expect(issuerProblem('https://login.leiden.nl/?tenant=1')).toBe('validation_signin_issuer');
		expect(issuerProblem('https://iemand:wachtwoord@login.leiden.nl')).toBe('validation_signin_issuer');
		expect(issuerProblem('login.leiden.nl')).toBe('validation_signin_issuer');
	});

	it('reads domains one per line, with commas or an @, in lower case and once each', () => {
		const parsed = addSignInProviderSchema.parse({ ...base, emailDomains: 'Leiden.nl\n@raad.leiden.nl, leiden.nl;  ' });
		expect(parsed.emailDomains).toEqual(['leiden.nl', 'raad.leiden.nl']);
		expect(addSignInProviderSchema.parse(base).emailDomains).toEqual([]);
		expect(addSignInProviderSchema.safeParse({ ...base, emailDomains: 'leiden' }).success).toBe(false);
		expect(addSignInProviderSchema.safeParse({ ...base, emailDomains: Array.from({ length: 21 }, (_, i) => `d${i}.nl`).join('\n') }).success).toBe(false);
	});

	it('reads the region as no municipality, and refuses accounts just in time for it', () => {
		expect(addSignInProviderSchema.parse({ ...base, municipalityId: 'regio' }).municipalityId).toBeNull();
		const jit = addSignInProviderSchema.safeParse({ ...base, municipalityId: 'regio', allowJustInTime: 'on' });
		expect(jit.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['allowJustInTime', 'validation_signin_jit_region']]);
		expect(addSignInProviderSchema.parse({ ...base, allowJustInTime: 'on', required: 'on' })).toMatchObject({ allowJustInTime: true, required: true });
	});

	it('keeps the stored secret when the edit form leaves it empty', () => {
		const { municipalityId: _m, clientSecret: _s, ...edit } = base;
		expect(updateSignInProviderSchema.parse({ ...edit, clientSecret: '' }).clientSecret).toBeNull();
		expect(updateSignInProviderSchema.parse(edit).clientSecret).toBeNull();
		expect(updateSignInProviderSchema.parse({ ...edit, clientSecret: 'nieuw' }).clientSecret).toBe('nieuw');
	});
});
