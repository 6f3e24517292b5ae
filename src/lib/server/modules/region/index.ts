/** The region for the pages: municipalities and ambitions. Import as a namespace. */
export * from './queries';
