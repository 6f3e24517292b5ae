export { default as Field, type FieldControl } from './Field.svelte';
