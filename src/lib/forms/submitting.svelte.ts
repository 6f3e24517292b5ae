import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form's busy state for `use:enhance`: true while the submission runs, so the button can say so
 * and cannot be pressed twice. `keepValues` leaves what was typed in place after the answer.
 */
export class Submitting {
	busy = $state(false);

	constructor(private readonly keepValues = false) {}

	enhance: SubmitFunction = () => {
		this.busy = true;
		return async ({ update }) => {
			await update({ reset: !this.keepValues });
			this.busy = false;
		};
	};
}
