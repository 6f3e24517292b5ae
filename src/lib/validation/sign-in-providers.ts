import { z } from 'zod';
import { municipalityIds } from '../roles';

/** The value of the "who signs in here" choice that means the region's own staff (no municipality). */
export const REGION_PROVIDER = 'regio';

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** Loopback hosts may be plain HTTP (a provider on the developer's own machine, the tests' mock server). */
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer is an absolute HTTPS URL without query or fragment (OpenID Connect Discovery 1.0 §2). */
export function issuerProblem(value: string): string | null {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'validation_signin_issuer';
	}
	if (url.search || url.hash || url.username || url.password) return 'validation_signin_issuer';
	if (url.protocol === 'https:') return null;
	return url.protocol === 'http:' && loopback.has(url.hostname) ? null : 'validation_signin_issuer_https';
}

const issuer = z
	.string('validation_required')
	.trim()
	.min(1, 'validation_required')
	.max(500, 'validation_signin_issuer')
	.superRefine((v, ctx) => {
		const problem = issuerProblem(v);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});

const domainPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Domains typed one per line or separated by commas or spaces; "@leiden.nl" is read as "leiden.nl". */
const emailDomains = z
	.string()
	.optional()
	.transform((v) =>
		(v ?? '')
			.toLowerCase()
			.split(/[\s,;]+/)
			.map((d) => d.replace(/^@/, ''))
			.filter(Boolean)
	)
	.transform((list) => [...new Set(list)])
	// One message for the field as a whole: the form points at its one text box.
	.superRefine((list, ctx) => {
		if (list.some((d) => !domainPattern.test(d))) ctx.addIssue({ code: 'custom', message: 'validation_signin_domain' });
		else if (list.length > 20) ctx.addIssue({ code: 'custom', message: 'validation_signin_domains_many' });
	});

const common = {
	issuer,
	clientId: z.string('validation_required').trim().min(1, 'validation_required').max(300, 'validation_signin_client_id'),
	emailDomains,
	required: checkbox,
	allowJustInTime: checkbox
};

/** Just-in-time accounts get the municipal role meelezer, so the region's own provider cannot make them. */
const noRegionalJustInTime = (v: { municipalityId: string | null; allowJustInTime: boolean }) => !(v.municipalityId === null && v.allowJustInTime);

export const addSignInProviderSchema = z
	.object({
		municipalityId: z.enum([REGION_PROVIDER, ...municipalityIds], 'validation_signin_municipality').transform((v) => (v === REGION_PROVIDER ? null : v)),
		...common,
		clientSecret: z.string('validation_required').min(1, 'validation_signin_secret_required').max(1000, 'validation_signin_secret_long')
	})
	.refine(noRegionalJustInTime, { message: 'validation_signin_jit_region', path: ['allowJustInTime'] });

/** An empty secret keeps the stored one: the old secret is never shown, so it cannot be typed back. */
export const updateSignInProviderSchema = z.object({
	...common,
	clientSecret: z
		.string()
		.max(1000, 'validation_signin_secret_long')
		.optional()
		.transform((v) => (v ? v : null))
});
