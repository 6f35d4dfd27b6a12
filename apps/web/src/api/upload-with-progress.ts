import { ApiError, toApiError } from './api-error';

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send in all (the request body), or null when the browser cannot tell. */
  total: number | null;
}

export interface UploadOptions {
  /** Called as the request body goes out (XMLHttpRequest `upload.onprogress`; fetch has no upload progress). */
  onProgress?: (progress: UploadProgress) => void;
  /** Called once the whole body is sent: the server is now reading and judging it. */
  onSent?: () => void;
  signal?: AbortSignal;
}

export interface UploadResult<T> {
  status: number;
  body: T;
}

/** POSTs a multipart body with the session's key, reporting progress; resolves with the JSON of a 2xx. */
export type Uploader = <T>(path: string, body: FormData, options?: UploadOptions) => Promise<UploadResult<T>>;

export interface UploaderDeps {
  /** The API key, read when the upload starts. */
  getKey: () => string | null;
  /** Called when the API answers 401 (expired or revoked key). */
  onUnauthorized: () => void;
  /** The XMLHttpRequest to use (tests pass a scripted one). */
  createXhr?: () => XMLHttpRequest;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One multipart POST over XMLHttpRequest with the bearer key: progress while the body is sent, then the
 * server's answer. A non-2xx answer rejects with an ApiError carrying the server's `{error, message}`.
 */
export function uploadWithProgress<T>(
  deps: UploaderDeps,
  path: string,
  body: FormData,
  options: UploadOptions = {},
): Promise<UploadResult<T>> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const xhr = deps.createXhr ? deps.createXhr() : new XMLHttpRequest();
    const onAbortSignal = () => xhr.abort();
    const finish = () => options.signal?.removeEventListener('abort', onAbortSignal);

    xhr.open('POST', path);
    const key = deps.getKey();
    if (key) xhr.setRequestHeader('Authorization', `Bearer ${key}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.upload.onload = () => options.onSent?.();
    xhr.onload = () => {
      finish();
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, body: parsed as T });
        return;
      }
      if (xhr.status === 401) deps.onUnauthorized();
      const status = xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 500;
      reject(toApiError(new Response(null, { status, statusText: xhr.statusText }), parsed));
    };
    xhr.onerror = () => {
      finish();
      reject(new ApiError(0, 'network-error', 'The upload failed: the server could not be reached.'));
    };
    xhr.onabort = () => {
      finish();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    options.signal?.addEventListener('abort', onAbortSignal);
    xhr.send(body);
  });
}

/** An Uploader bound to the session's key, for the Api object. */
export function createUploader(deps: UploaderDeps): Uploader {
  return (path, body, options) => uploadWithProgress(deps, path, body, options);
}
