import { z } from 'zod';

/** The bodies the verkenner interviews (shared/domain.md). `overig` carries its own name. */
export const interviewBodies = ['directieteam', 'college', 'portefeuillehouder', 'gemeenteraad', 'fractie', 'overig'] as const;
export type InterviewBody = (typeof interviewBodies)[number];
export const interviewBodySchema = z.enum(interviewBodies, { message: 'validation_interview_body' });

/** Shared with the klankbordgroep, or confidential (verkenner and administrators only). */
export const interviewVisibilities = ['klankbordgroep', 'vertrouwelijk'] as const;
export type InterviewVisibility = (typeof interviewVisibilities)[number];
export const interviewVisibilitySchema = z.enum(interviewVisibilities, { message: 'validation_interview_visibility' });
