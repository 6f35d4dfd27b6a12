import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { uploadWithProgress, type UploadProgress } from './upload-with-progress';

/** An XMLHttpRequest the test drives by hand: progress, then the answer. */
class ScriptedXhr {
  readonly upload = {
    onprogress: null as ((event: Partial<ProgressEvent>) => void) | null,
    onload: null as (() => void) | null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  opened: [string, string] | null = null;
  headers: Record<string, string> = {};
  sent: FormData | null = null;

  open(method: string, url: string) {
    this.opened = [method, url];
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ loaded, total, lengthComputable });
  }
  answer(status: number, body: string, statusText = '') {
    this.upload.onload?.();
    this.status = status;
    this.statusText = statusText;
    this.responseText = body;
    this.onload?.();
  }
}

function setup(key: string | null = 'sb_key') {
  const xhr = new ScriptedXhr();
  const onUnauthorized = vi.fn();
  const deps = {
    getKey: () => key,
    onUnauthorized,
    createXhr: () => xhr as unknown as XMLHttpRequest,
  };
  return { xhr, deps, onUnauthorized };
}

describe('uploadWithProgress', () => {
  it('POSTs the form with the bearer key, reports progress and the end of sending, and resolves with the JSON', async () => {
    const { xhr, deps } = setup();
    const progress: UploadProgress[] = [];
    const onSent = vi.fn();
    const form = new FormData();
    form.append('file', new File(['abc'], 'a.wav'));
    const done = uploadWithProgress<{ ok: boolean }>(deps, '/api/sounds?tenantId=t1', form, {
      onProgress: (p) => progress.push(p),
      onSent,
    });
    expect(xhr.opened).toEqual(['POST', '/api/sounds?tenantId=t1']);
    expect(xhr.headers.Authorization).toBe('Bearer sb_key');
    expect(xhr.sent).toBe(form);
    xhr.progress(100, 400);
    xhr.progress(400, 400);
    xhr.progress(5, 0, false);
    expect(onSent).not.toHaveBeenCalled();
    xhr.answer(201, '{"ok":true}');
    expect(onSent).toHaveBeenCalledOnce();
    await expect(done).resolves.toEqual({ status: 201, body: { ok: true } });
    expect(progress).toEqual([
      { loaded: 100, total: 400 },
      { loaded: 400, total: 400 },
      { loaded: 5, total: null },
    ]);
  });

  it("rejects a refused upload with the server's error envelope", async () => {
    const { xhr, deps, onUnauthorized } = setup();
    const done = uploadWithProgress(deps, '/api/sounds', new FormData());
    xhr.answer(
      415,
      JSON.stringify({ error: 'unsupported-media-type', message: 'notes.txt is not audio: no handler' }),
      'Unsupported Media Type',
    );
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 415,
      code: 'unsupported-media-type',
      message: 'notes.txt is not audio: no handler',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('names the status when the answer has no envelope, and signs out on 401', async () => {
    const { xhr, deps, onUnauthorized } = setup();
    const done = uploadWithProgress(deps, '/api/sounds', new FormData());
    xhr.answer(401, 'nope', 'Unauthorized');
    await expect(done).rejects.toMatchObject({ status: 401, code: 'http-401', message: '401 Unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('sends no Authorization header without a key', () => {
    const { xhr, deps } = setup(null);
    void uploadWithProgress(deps, '/api/sounds', new FormData()).catch(() => undefined);
    expect(xhr.headers.Authorization).toBeUndefined();
  });

  it('rejects a network failure with a readable message', async () => {
    const { xhr, deps } = setup();
    const done = uploadWithProgress(deps, '/api/sounds', new FormData());
    xhr.onerror?.();
    await expect(done).rejects.toMatchObject({
      status: 0,
      code: 'network-error',
      message: 'The upload failed: the server could not be reached.',
    });
  });

  it('aborts the request when the signal fires', async () => {
    const { xhr, deps } = setup();
    const controller = new AbortController();
    const done = uploadWithProgress(deps, '/api/sounds', new FormData(), { signal: controller.signal });
    const abort = vi.spyOn(xhr, 'abort');
    controller.abort();
    expect(abort).toHaveBeenCalledOnce();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
  });
});
