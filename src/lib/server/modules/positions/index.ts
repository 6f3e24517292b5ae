/** Positions (standpunten) of the municipalities on agenda items. Import as a namespace. */
export { setPosition, type SetPositionResult } from './set-position';
export { positionMatrix, type PositionMatrix, type MatrixRow } from '../decisions/queries';
