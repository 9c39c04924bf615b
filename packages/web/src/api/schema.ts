// Helpers to name the types of the generated API description (schema.gen.ts, `npm run api:generate`).
// Every request and response type of the web app is derived from there, so a change of a server route
// schema shows up here as a type error instead of a silent drift.
import type { paths } from './schema.gen';

export type { paths };

/** A route of the API, e.g. `'/api/orgs/{orgId}/members'`. */
export type Route = keyof paths;
type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
/** The methods a route has. */
export type MethodOf<P extends Route> = {
  [M in HttpMethod]: paths[P][M] extends undefined ? never : M;
}[HttpMethod];
type Operation<P extends Route, M extends MethodOf<P>> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202>];

/** The JSON a route answers with on success. */
export type ResponseOf<P extends Route, M extends MethodOf<P>> = JsonOf<
  Success<Operation<P, M> extends { responses: infer R } ? R : never>
>;

/** The JSON body a route takes. */
export type BodyOf<P extends Route, M extends MethodOf<P>> = JsonOf<
  NonNullable<Operation<P, M> extends { requestBody?: infer B } ? B : never>
>;

/** The query parameters a route takes. */
export type QueryOf<P extends Route, M extends MethodOf<P>> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never
>;

/** The element type of an array type. */
export type Item<T> = T extends readonly (infer E)[] ? E : never;

/**
 * `T` with the fields `K` narrowed to `V`, for a field the server describes more loosely than the values it
 * sends (e.g. `string` where it only ever sends an enum). `V` must be assignable to the described type, so
 * a narrowing can never contradict the server's description. Each use names the server route to tighten.
 */
export type Narrow<T, V extends { [K in keyof V]: K extends keyof T ? T[K] : never }> = Omit<T, keyof V> & V;

/**
 * `T` with the fields of `V` replaced by looser types, only to keep web code compiling that was written
 * against an older, looser hand-written type (e.g. a test fixture with a plain string where the server now
 * describes an enum). Each use says which code needs it; prefer tightening that code and dropping the use.
 */
export type Widen<T, V extends { [K in keyof V]: K extends keyof T ? unknown : never }> = Omit<T, keyof V> &
  V;

/**
 * `values` unchanged, checked at compile time to list every member of the union `T` and nothing else, so a
 * list of options in the UI cannot miss a value the server adds.
 */
export function allOf<T>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A => values;
}
