/**
 * Documents the portal hands out (session highlights, the raadsinformatiebrief): a neutral outline of
 * headings, labelled lines, paragraphs with links, lists and tables, rendered as an accessible PDF (tagged,
 * font embedded, links clickable) or an editable Word document (heading styles, language set).
 * A library without data access: the modules compose the outline, routes hand out the bytes.
 */
import type { Outline } from './outline';

// The writers (pdfkit with its font machinery, docx) are loaded with the first document asked for, not with the
// server: several MB of code and data that a server nobody asks a document of does not keep resident.
export const renderPdf = async (outline: Outline): Promise<Uint8Array> => (await import('./pdf/render')).renderPdf(outline);
export const renderDocx = async (outline: Outline): Promise<Uint8Array> => (await import('./docx/render')).renderDocx(outline);
export { richTextBlocks } from './rich-text';
export type { Block, ListEntry, Outline, RichText } from './outline';
