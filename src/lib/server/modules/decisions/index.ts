/** Read models for positions, sign-offs, council decisions, progress and the item timeline. */
export * from './queries';
