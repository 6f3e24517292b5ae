import { z } from 'zod';
import { isRegionalRole, municipalityIds, municipalityIdSchema, roles, roleSchema, type MunicipalityId, type Role } from '../roles';

/** One role a user holds; regional roles carry no municipality, municipal roles exactly one. */
export interface GrantInput {
	role: Role;
	municipalityId: MunicipalityId | null;
}

/** How a role picker checkbox names a grant: `verkenner` or `klankbordgroeplid:leiden`. */
export const grantValue = (g: { role: string; municipalityId: string | null }) => (g.municipalityId ? `${g.role}:${g.municipalityId}` : g.role);

const rawGrant = z.union(
	[
		z.string().transform((s) => {
			const [role, municipalityId = null] = s.split(':');
			return { role, municipalityId };
		}),
		z.object({ role: z.string(), municipalityId: z.string().nullish() })
	],
	'validation_admin_role_unknown'
);

/** Why a grant is not acceptable, as a message key; null when it is fine. */
function grantProblem(g: { role: string; municipalityId?: string | null }): string | null {
	if (!(roles as readonly string[]).includes(g.role)) return 'validation_admin_role_unknown';
	if (isRegionalRole(g.role as Role)) return g.municipalityId ? 'validation_admin_regional_role_no_municipality' : null;
	if (!g.municipalityId) return 'validation_admin_municipality_required';
	if (!(municipalityIds as readonly string[]).includes(g.municipalityId)) return 'validation_admin_municipality_unknown';
	return null;
}

/**
 * A set of grants from checkboxes (`grants[]`) or from JSON objects. Problems are reported on the
 * field as a whole, so the form can point at its role picker; duplicates collapse into one.
 */
const grantsSchema = z
	.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(rawGrant).max(50))
	.superRefine((list, ctx) => {
		const problem = list.map(grantProblem).find((p) => p !== null);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	})
	.transform((list): GrantInput[] => {
		const unique = new Map(list.map((g) => [grantValue({ role: g.role, municipalityId: g.municipalityId ?? null }), g]));
		return [...unique.values()].map((g) => ({
			role: g.role as Role,
			municipalityId: (g.municipalityId ?? null) as MunicipalityId | null
		}));
	});

export const userNameSchema = z.string('validation_required').trim().min(1, 'validation_required').max(200, 'validation_admin_name_too_long');

export const inviteUserSchema = z.object({
	name: userNameSchema,
	email: z.string('validation_required').trim().toLowerCase().min(1, 'validation_required').max(254, 'validation_email').email('validation_email'),
	grants: grantsSchema.refine((g) => g.length > 0, 'validation_admin_roles_required')
});

export const updateUserSchema = z.object({ name: userNameSchema });

/** The complete set of roles a user should hold after saving (an empty set is allowed: no access). */
export const setRolesSchema = z.object({ grants: grantsSchema });

export const inhabitantsSchema = z.object({
	inhabitants: z.preprocess(
		(v) => (v === '' || v == null ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
		z
			.number({ error: (i) => (i.input === undefined ? 'validation_required' : 'validation_admin_inhabitants_integer') })
			.int('validation_admin_inhabitants_integer')
			.min(0, 'validation_admin_inhabitants_range')
			.max(10_000_000, 'validation_admin_inhabitants_range')
	)
});

/** Filters of the user list: bad values are dropped rather than refused (they come from a URL). */
export const userStatuses = ['active', 'invited', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

const optionalText = z
	.string()
	.trim()
	.max(200)
	.transform((s) => s || undefined)
	.optional()
	.catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).catch(1);

export const userFiltersSchema = z.object({
	search: optionalText,
	role: roleSchema.optional().catch(undefined),
	municipalityId: municipalityIdSchema.optional().catch(undefined),
	status: z.enum(userStatuses).optional().catch(undefined),
	page
});
export type UserFilters = z.output<typeof userFiltersSchema>;

export const auditResults = ['success', 'denied', 'failure'] as const;
const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((s) => !Number.isNaN(Date.parse(s)))
	.optional()
	.catch(undefined);

export const auditFiltersSchema = z.object({
	actor: optionalText,
	action: optionalText,
	objectType: optionalText,
	result: z.enum(auditResults).optional().catch(undefined),
	from: isoDate,
	to: isoDate,
	page
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const pageSchema = z.object({ page });

/** Where a requested page lies among `total` rows; a page past the end becomes the last one. */
export function pageWindow(total: number, requested: number, size: number) {
	const pageCount = Math.max(1, Math.ceil(total / size));
	const page = Math.min(requested, pageCount);
	return { page, pageCount, limit: size, offset: (page - 1) * size };
}

/** A person's link to a municipality account, to end (the form's hidden field). */
export const unlinkSignInSchema = z.object({ koppeling: z.uuid('signin_unlink_not_found') });

/** A mail in the outbox, to send again. */
export const resendMailSchema = z.object({ id: z.uuid('admin_mail_not_found') });
