import type { Highlights } from '../../../../meetings/highlights';
import { renderDocx } from '../../../documents';
import { highlightsOutline } from './highlights-outline';

/** The highlights report of a session as an editable Word document with real heading styles, lists and tables. */
export async function renderHighlightsDocx(h: Highlights, locale: 'nl' | 'en'): Promise<Uint8Array> {
	return renderDocx(highlightsOutline(h, locale));
}
