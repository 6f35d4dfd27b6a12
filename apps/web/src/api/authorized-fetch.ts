import { toApiError } from './api-error';

export type AuthorizedFetch = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * fetch() with the bearer key, for what the typed client does not cover: audio and CSV bodies, uploads with
 * progress, the SSE stream. Throws an ApiError for a non-2xx answer (and signs out on 401).
 */
export function createAuthorizedFetch(
  getKey: () => string | null,
  onUnauthorized: () => void,
  fetchImpl: typeof fetch = fetch,
): AuthorizedFetch {
  return async (path, init = {}) => {
    const headers = new Headers(init.headers);
    const key = getKey();
    if (key) headers.set('Authorization', `Bearer ${key}`);
    const response = await fetchImpl(path, { ...init, headers });
    if (response.status === 401) onUnauthorized();
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      throw toApiError(response, body);
    }
    return response;
  };
}
