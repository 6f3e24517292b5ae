import type { CollabError } from '../../../validation/collab';

/** A co-editing request refused for a reason the client is told; `code` is a message key in messages/collab. */
export class CollabFailure extends Error {
	constructor(readonly code: CollabError) {
		super(code);
	}
}
