/** Tables of the software module (products, releases, components, findings, VEX, licenses, artifacts); part of `Database`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SoftwareTables {}
