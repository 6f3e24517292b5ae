import { z } from 'zod';

/** The life of an agenda item (see shared/domain.md). */
export const itemStatuses = ['concept', 'in_bespreking', 'gereed_voor_besluitvorming', 'vastgesteld', 'afgewezen', 'in_uitvoering', 'afgerond'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const itemStatusSchema = z.enum(itemStatuses, { message: 'validation_agenda_status' });

/** Vóór or na de gemeenteraadsverkiezingen. */
export const horizons = ['voor_verkiezingen', 'na_verkiezingen'] as const;
export type Horizon = (typeof horizons)[number];
export const horizonSchema = z.enum(horizons, { message: 'validation_agenda_horizon' });

/** How the costs are split: by inhabitants, in equal parts, or by custom percentages. */
export const verdeelsleutels = ['inwoners', 'gelijk', 'maatwerk'] as const;
export type Verdeelsleutel = (typeof verdeelsleutels)[number];
export const verdeelsleutelSchema = z.enum(verdeelsleutels, { message: 'validation_agenda_verdeelsleutel' });

/** Why a version was captured. */
export const versionReasons = ['status', 'manual', 'auto', 'restore'] as const;
export type VersionReason = (typeof versionReasons)[number];

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 1000;
/** 100 % in basis points. */
export const FULL_SHARE_BP = 10_000;
