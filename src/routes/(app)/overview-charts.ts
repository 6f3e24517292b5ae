/**
 * The overview's charts are drawn narrower than the register dashboard's (its 640): on a phone the picture
 * shrinks less, so its labels stay readable; on a wide screen it grows to the column. The figures are in the tables.
 */
export const CHART_WIDTH = 520;
