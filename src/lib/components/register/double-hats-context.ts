import { getContext, setContext } from 'svelte';

/** A person's seats as `DoubleHats` shows them. */
export interface Hat {
	collaborationId: string;
	collaborationName: string;
	seat: string;
}

const KEY = Symbol('double-hats');

/**
 * A page that names people loads their *dubbele petten* once (`register.doubleHatsOf`) and hands them down
 * this way, so a name deep in a component (a comment's author, a signer) shows its hats without every
 * component between passing them on. `get` is read on each render, so fresh page data shows.
 */
export function provideDoubleHats(get: () => Record<string, Hat[]> | undefined): void {
	setContext(KEY, get);
}

/** The page's hats, as a lookup by account; call while the component initialises (it reads the context). */
export function useDoubleHats(): (userId: string | null | undefined) => Hat[] {
	const get = getContext<(() => Record<string, Hat[]> | undefined) | undefined>(KEY);
	return (userId) => (userId && get?.()?.[userId]) || [];
}
