import { can, type Actor, type Resource } from './policy';
import type { Action } from './actions';

/** A refused action; routes map it to 403, socket handlers to an error acknowledgement. */
export class ForbiddenError extends Error {
	readonly code = 'forbidden';
	constructor(readonly action: Action) {
		super('U heeft geen toestemming voor deze handeling.');
	}
}

export function authorize(actor: Actor | null, action: Action, resource?: Resource): asserts actor is Actor {
	if (!can(actor, action, resource)) throw new ForbiddenError(action);
}
