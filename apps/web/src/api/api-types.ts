import type { paths } from './schema';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

type JsonBody<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON answered by a 200/201/202 of an operation, e.g. `ResponseOf<'/api/calls/{id}', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer S }
    ? JsonBody<S>
    : R extends { 201: infer S }
      ? JsonBody<S>
      : R extends { 202: infer S }
        ? JsonBody<S>
        : never
  : never;

/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
