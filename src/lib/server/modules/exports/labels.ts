import { m } from '../../../paraglide/messages.js';

/** The language of a file: the reader's, so an English reader gets English headers and values. */
export type ExportLocale = 'nl' | 'en';

type Message = (inputs?: Record<string, never>, options?: { locale?: ExportLocale }) => string;

/**
 * The names the pages give the fixed values, from the same messages (`agenda_status_concept`,
 * `decisions_position_steunt`, …), in the file's language. Looked up by name: this is server code, so the
 * lookup costs no bundle size, and a unit test checks every value has its message in both languages.
 */
const labelOf =
	(prefix: string) =>
	(value: string, locale: ExportLocale): string => {
		const message = (m as unknown as Record<string, Message | undefined>)[`${prefix}${value}`];
		return typeof message === 'function' ? message({}, { locale }) : value;
	};

export const statusLabel = labelOf('agenda_status_');
export const horizonLabel = labelOf('agenda_horizon_');
export const keyLabel = labelOf('agenda_key_');
export const positionLabel = labelOf('decisions_position_');
export const decisionLabel = labelOf('decisions_decision_');
export const outcomeLabel = labelOf('decisions_outcome_');
export const consensusLevelLabel = labelOf('decisions_consensus_');
