import { z } from 'zod';

export const roomSchema = z.object({
	room: z
		.string()
		.max(100)
		.regex(/^(?:(?:item|meeting|municipality):[a-z0-9-]{1,64}|agenda)$/, 'validation_room')
});
