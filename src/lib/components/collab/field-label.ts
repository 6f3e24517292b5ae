import { m } from '$lib/paraglide/messages.js';
import type { RichTextField } from '$lib/collab/fields';
import { openEditors } from './open-editors.svelte';

/**
 * The name of a co-edited text as a reader knows it: the item's own fields by name, a scenario's description by
 * the label its open editor shows ("Beschrijving van …"), or "een scenario" when that editor is not open.
 */
export function fieldLabel(itemId: string, field: RichTextField | string): string {
	if (field === 'description') return m.collab_field_description();
	if (field === 'meerwaarde') return m.collab_field_meerwaarde();
	return openEditors.get(`${itemId}:${field}`)?.label || m.collab_field_scenario();
}
