import type { Highlights } from '../../../../meetings/highlights';
import { renderPdf } from '../../../documents';
import { highlightsOutline } from './highlights-outline';

/** The highlights report of a session as an accessible PDF (tagged, font embedded, page numbers in the footer). */
export async function renderHighlightsPdf(h: Highlights, locale: 'nl' | 'en'): Promise<Uint8Array> {
	return renderPdf(highlightsOutline(h, locale));
}
