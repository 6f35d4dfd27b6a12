import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';
import type { AuthorizedFetch } from './authorized-fetch';
import type { Uploader } from './upload-with-progress';

export interface Api {
  client: ApiClient;
  fetch: AuthorizedFetch;
  /** Multipart uploads with progress (XMLHttpRequest) and the bearer key. */
  upload: Uploader;
}

export const ApiContext = createContext<Api | null>(null);

/** The typed API client and the authorized fetch of the current session. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() used outside an ApiContext provider');
  return api;
}
