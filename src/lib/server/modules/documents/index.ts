/**
 * Documents about the agenda: the raadsinformatiebrief (an item as a letter to one municipality's council,
 * in PDF or Word) composed from the agenda-items and decisions read models, rendered by src/lib/server/documents.
 * Import as a namespace: `import * as documents from '$lib/server/modules/documents'`.
 */
export { itemBrief } from './item-brief';
export { itemBriefFile } from './brief-file';
