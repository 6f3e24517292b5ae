/** `%term%` for ILIKE, with the pattern characters of the term (`\`, `%`, `_`) taken literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
