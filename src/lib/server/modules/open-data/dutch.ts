/** The feeds' Dutch messages: one helper for every feed (server/dutch.ts). */
export { dutch } from '../../dutch';
