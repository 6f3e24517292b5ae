/**
 * The co-edited texts of an agenda item, each its own Yjs document: the item's own two fields, and each
 * scenario's description (`scenario:<scenario id>`). No dependencies, so browser code can use it freely.
 */
export const richTextFields = ['description', 'meerwaarde'] as const;
export type ItemTextField = (typeof richTextFields)[number];
export type ScenarioTextField = `scenario:${string}`;
/** Any co-edited text of an agenda item. */
export type RichTextField = ItemTextField | ScenarioTextField;

export const SCENARIO_FIELD = /^scenario:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const scenarioTextField = (scenarioId: string): ScenarioTextField => `scenario:${scenarioId}`;
export const isItemTextField = (field: string): field is ItemTextField => field === 'description' || field === 'meerwaarde';
/** The scenario a field is the description of, or null for the item's own fields. */
export const scenarioOfField = (field: RichTextField): string | null => (isItemTextField(field) ? null : field.slice('scenario:'.length));
