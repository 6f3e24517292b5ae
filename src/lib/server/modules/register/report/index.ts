/**
 * The half-yearly report on the collaborations for one municipality's council: composed from the register
 * (`data.ts`), laid out once as an outline (`outline.ts`) for the shared PDF and Word renderers, and drawn up
 * through a command that records it (`draw-up.ts`).
 */
export { drawUpReport, listReports } from './draw-up';
export { halfOf } from './half';
