import createClient, { type Middleware } from 'openapi-fetch';
import { toApiError } from './api-error';
import type { paths } from './schema';

export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ApiClientOptions {
  /** The API key, read on every request so a sign-in or sign-out applies at once. */
  getKey: () => string | null;
  /** Called when the API answers 401 (expired or revoked key). */
  onUnauthorized: () => void;
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * The typed client over the server's OpenAPI document (src/api/schema.d.ts, `npm run gen:api`).
 * Adds the bearer key to every request and turns a 401 into a sign-out.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const key = options.getKey();
      if (key) request.headers.set('Authorization', `Bearer ${key}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) options.onUnauthorized();
      return response;
    },
  };
  client.use(auth);
  return client;
}

/** openapi-fetch's result: data on success, the parsed error body otherwise. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a successful call, or throws an ApiError naming what the server said. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw toApiError(response, error);
  return data as T;
}
