import { z } from 'zod';
import { passwordSchema } from './password';

/** A new password typed twice (autocomplete="new-password" on both fields). */
export const newPasswordFields = {
	password: z.string('validation_required').pipe(passwordSchema),
	repeat: z.string('validation_required')
};

/** Refinement for any schema with newPasswordFields: a mismatch is reported on the repeat field. */
export const repeatMatches: [(v: { password: string; repeat: string }) => boolean, { path: string[]; message: string }] = [
	(v) => v.password === v.repeat,
	{ path: ['repeat'], message: 'validation_password_mismatch' }
];

export const newPasswordSchema = z.object(newPasswordFields).refine(...repeatMatches);
