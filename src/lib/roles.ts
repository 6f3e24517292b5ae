import { z } from 'zod';

/** Roles for the whole region: no municipality attached. */
export const regionalRoles = ['administrator', 'verkenner'] as const;
/**
 * Roles held on behalf of one municipality. The *ambtelijk adviseur* is one of its officials: keeps that
 * municipality's part of the register of joint arrangements (contributions, board members, rapporteurs).
 */
export const municipalRoles = ['klankbordgroeplid', 'collegelid', 'griffie', 'meelezer', 'ambtelijkadviseur'] as const;
export const roles = [...regionalRoles, ...municipalRoles] as const;

export type RegionalRole = (typeof regionalRoles)[number];
export type MunicipalRole = (typeof municipalRoles)[number];
export type Role = (typeof roles)[number];

export const roleSchema = z.enum(roles);

export function isRegionalRole(role: Role): role is RegionalRole {
	return (regionalRoles as readonly string[]).includes(role);
}

/** Roles whose holders must use two-factor authentication (administrators manage accounts, colleges sign off). */
export const twoFactorRequiredRoles: readonly Role[] = ['administrator', 'collegelid'];

export const municipalityIds = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'] as const;
export type MunicipalityId = (typeof municipalityIds)[number];
export const municipalityIdSchema = z.enum(municipalityIds);
