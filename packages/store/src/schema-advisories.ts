/** Tables of the advisory database (OSV records, imports); part of `Database`. Owned by the advisories work. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AdvisoryTables {}
