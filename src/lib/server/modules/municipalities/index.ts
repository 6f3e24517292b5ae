/** The municipalities module for routes: `import * as municipalities from '$lib/server/modules/municipalities'`. */
export { listMunicipalitiesForAdmin } from './queries';
export { updateInhabitants } from './update-inhabitants';
