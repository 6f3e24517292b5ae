/** Dates and language in documents: the Leidse regio reads times in Amsterdam time whatever the server's zone. */
export type DocumentLocale = 'nl' | 'en';

export const TIME_ZONE = 'Europe/Amsterdam';

export function intlLocale(locale: DocumentLocale): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** The language tag written into the documents' metadata (PDF /Lang, Word proofing language). */
export function languageTag(locale: DocumentLocale): string {
	return intlLocale(locale);
}

/** A calendar date ("2025-03-14", as stored for due dates and meeting dates) in words: "14 maart 2025". */
export function formatDay(isoDate: string, locale: DocumentLocale): string {
	const [y, mo, d] = isoDate.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d));
	return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A moment's day in Amsterdam, in words: "6 december 2026". */
export function formatDate(moment: Date | string, locale: DocumentLocale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(moment));
}

/** "11 maart 2025 om 22:05". */
export function formatMoment(iso: Date | string, locale: DocumentLocale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}
