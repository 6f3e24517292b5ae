import { t } from '$lib/i18n';

/** The register's codes as words (the `register` messages); an unknown code reads as itself. */
const label = (prefix: string) => (code: string | null | undefined) => (code ? t(`register_${prefix}_${code}`) : '');

export const kindLabel = label('kind');
export const legalFormLabel = label('legal');
export const steeringLabel = label('steering');
export const unitLabel = label('unit');
export const boardLabel = label('board');
export const momentLabel = label('moment');
export const seatLabel = label('seat');

/** A notice term as text ("3 maanden"), or '' when there is none. */
export function noticeText(term: number | null, unit: string | null): string {
	return term === null || !unit ? '' : t('register_notice', { term, unit: unitLabel(unit) });
}
