import type { ItemStatus } from '../agenda/constants';
import type { MinuteKind } from '../meetings/constants';

/**
 * The statuses in which an item is adopted (vastgesteld and after, not afgewezen): the uitvoeringsagenda as the
 * colleges adopted it, public to everyone. Before that an item is public only when the verkenner made it so.
 */
export const adoptedStatuses = ['vastgesteld', 'in_uitvoering', 'afgerond'] as const satisfies readonly ItemStatus[];

export function isAdoptedStatus(status: string): boolean {
	return (adoptedStatuses as readonly string[]).includes(status);
}

/**
 * What of a session's minutes the public sees once its highlights are published: what was discussed, what
 * was decided and the questions for the councils. Action points name who does what; they stay internal.
 */
export const publicMinuteKinds = ['besproken', 'besluit', 'vraag'] as const satisfies readonly MinuteKind[];
