/** Branded identifiers: a plain string that the compiler keeps apart from other ids. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type OrgId = Brand<string, 'OrgId'>;
export type UserId = Brand<string, 'UserId'>;
export type JobId = Brand<string, 'JobId'>;

export const asOrgId = (s: string): OrgId => s as OrgId;
export const asUserId = (s: string): UserId => s as UserId;
export const asJobId = (s: string): JobId => s as JobId;
