/** Implementation progress after vastgesteld. Import as a namespace. */
export { reportProgress } from './report-progress';
