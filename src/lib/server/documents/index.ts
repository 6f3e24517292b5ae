/**
 * Documents the portal hands out (session highlights, the raadsinformatiebrief): a neutral outline of
 * headings, labelled lines, paragraphs with links, lists and tables, rendered as an accessible PDF (tagged,
 * font embedded, links clickable) or an editable Word document (heading styles, language set).
 * A library without data access: the modules compose the outline, routes hand out the bytes.
 */
export { renderPdf } from './pdf/render';
export { renderDocx } from './docx/render';
export { richTextBlocks } from './rich-text';
export type { Block, ListEntry, Outline, RichText } from './outline';
