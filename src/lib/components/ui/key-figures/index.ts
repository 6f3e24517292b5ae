export { default as KeyFigures } from './KeyFigures.svelte';
