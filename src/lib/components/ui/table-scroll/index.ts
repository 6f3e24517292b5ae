export { default as TableScroll } from './TableScroll.svelte';
