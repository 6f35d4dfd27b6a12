import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { unwrap } from '../api/api-client';
import { useApi } from '../api/api-context';
import { ApiError, errorMessage } from '../api/api-error';
import type { ResponseOf } from '../api/api-types';
import { useSession } from '../auth/session';
import { refreshSound, SOUND_POLL_MS, soundKeys } from './use-sounds';

type UploadAnswer = ResponseOf<'/api/sounds', 'post'>;

/**
 * queued -> uploading (bytes going out) -> checking (sent; the server judges the file by content) ->
 * converting (accepted; sox makes the PBX formats in the background) -> ready | failed.
 * A file the server refuses (too large, not audio, too long) ends as refused; one the user stops as cancelled.
 */
export type UploadPhase =
  'queued' | 'uploading' | 'checking' | 'converting' | 'ready' | 'failed' | 'refused' | 'cancelled';

export interface SoundUpload {
  id: number;
  fileName: string;
  size: number;
  phase: UploadPhase;
  /** Share of the file sent, 0 to 1. */
  sent: number;
  soundId: string | null;
  soundName: string | null;
  /** The version this upload made (1 for a new sound). */
  version: number | null;
  /** Why it was refused or why conversion failed. */
  error: string | null;
  /** The server's error code of a refusal, e.g. unsupported-media-type. */
  errorCode: string | null;
}

export interface UploadRequest {
  files: File[];
  /** Upload as a new version of this sound (its name); otherwise each file is named after itself. */
  soundName?: string;
  normalise?: boolean;
  trim?: boolean;
}

const SENDING: ReadonlySet<UploadPhase> = new Set(['queued', 'uploading', 'checking']);
const FINISHED: ReadonlySet<UploadPhase> = new Set(['ready', 'failed', 'refused', 'cancelled']);

export function isFinished(upload: SoundUpload): boolean {
  return FINISHED.has(upload.phase);
}

/** Raw telephone audio has no header: the server needs its type, which the extension tells. */
export function rawTypeOf(fileName: string): 'gsm' | 'ulaw' | 'alaw' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'gsm') return 'gsm';
  if (extension === 'ulaw' || extension === 'ul' || extension === 'mulaw') return 'ulaw';
  if (extension === 'alaw' || extension === 'al') return 'alaw';
  return undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('cancelled', 'AbortError'));
    });
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Uploads sound files one request each (so each has its own progress and its own answer), one after another,
 * then follows each accepted file's conversion until it is ready or failed. Needs a tenant: the key's own, or
 * the one a super-admin picked (`tenantMissing` says when there is none).
 */
export interface UploadSoundsOptions {
  pollIntervalMs?: number;
  /**
   * Why a file must not be sent (e.g. over the server's size or duration limit), or null to send it; may take
   * time (reading the file's duration). A refused file is listed as refused with that reason and never sent.
   */
  checkFile?: (file: File) => string | null | Promise<string | null>;
}

export function useUploadSounds(options: UploadSoundsOptions = {}) {
  const pollMs = options.pollIntervalMs ?? SOUND_POLL_MS;
  const api = useApi();
  const queryClient = useQueryClient();
  const session = useSession();
  const checkFile = options.checkFile;
  const [uploads, setUploads] = useState<SoundUpload[]>([]);
  const nextId = useRef(0);
  const controllers = useRef(new Map<number, AbortController>());
  const cancelled = useRef(new Set<number>());

  // Leaving the page does not stop an upload (the library shows the sound when it is done); closing or
  // reloading the tab would, so the browser asks first while a file is still going out.
  const sending = uploads.some((u) => SENDING.has(u.phase));
  useEffect(() => {
    if (!sending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);

  const update = useCallback((id: number, patch: Partial<SoundUpload>) => {
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...patch } : u)));
  }, []);

  const followConversion = useCallback(
    async (id: number, soundId: string, versionId: string, signal: AbortSignal) => {
      for (;;) {
        const versions = await unwrap(
          api.client.GET('/api/sounds/{soundId}/versions', { params: { path: { soundId } }, signal }),
        );
        const mine = versions.find((v) => v.id === versionId);
        if (!mine) throw new Error('The sound was deleted while it was converting.');
        if (mine.status === 'ready') return update(id, { phase: 'ready' });
        if (mine.status === 'failed') {
          return update(id, { phase: 'failed', error: mine.error ?? 'The conversion failed.' });
        }
        await sleep(pollMs, signal);
      }
    },
    [api, pollMs, update],
  );

  const uploadOne = useCallback(
    async (id: number, file: File, request: UploadRequest, tenantId: string | null) => {
      const controller = new AbortController();
      controllers.current.set(id, controller);
      const { signal } = controller;
      let soundId: string | null = null;
      try {
        const form = new FormData();
        // Text fields go before the file they apply to.
        if (request.soundName) form.append('name', request.soundName);
        const type = rawTypeOf(file.name);
        if (type) form.append('type', type);
        if (request.normalise) form.append('normalise', 'true');
        if (request.trim) form.append('trim', 'true');
        form.append('file', file, file.name);
        update(id, { phase: 'uploading' });
        const query = tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : '';
        const answer = await api.upload<UploadAnswer>(`/api/sounds${query}`, form, {
          signal,
          onProgress: ({ loaded, total }) => update(id, { sent: total ? loaded / total : 0 }),
          onSent: () => update(id, { phase: 'checking', sent: 1 }),
        });
        const result = answer.body.results[0];
        if (!result?.sound) {
          update(id, { phase: 'refused', error: result?.error?.message ?? 'The server accepted no file.' });
          return;
        }
        const sound = result.sound;
        soundId = sound.id;
        update(id, {
          phase: 'converting',
          sent: 1,
          soundId,
          soundName: sound.name,
          version: sound.latestVersion.version,
        });
        await queryClient.invalidateQueries({ queryKey: soundKeys.lists() });
        await followConversion(id, sound.id, sound.latestVersion.id, signal);
        await refreshSound(queryClient, sound.id);
      } catch (error) {
        if (isAbort(error)) update(id, { phase: 'cancelled' });
        else {
          update(id, {
            phase: soundId ? 'failed' : 'refused',
            error: errorMessage(error),
            errorCode: error instanceof ApiError ? error.code : null,
          });
        }
      } finally {
        controllers.current.delete(id);
      }
    },
    [api, queryClient, update, followConversion],
  );

  const start = useCallback(
    async (request: UploadRequest) => {
      const tenantId = session.tenantId;
      const added = request.files.map((file) => ({ file, id: ++nextId.current }));
      setUploads((all) => [
        ...added.map(({ file, id }): SoundUpload => ({
          id,
          fileName: file.name,
          size: file.size,
          phase: 'queued',
          sent: 0,
          soundId: null,
          soundName: request.soundName ?? null,
          version: null,
          error: null,
          errorCode: null,
        })),
        ...all,
      ]);
      // Every file is checked at once, before any is sent: one the check refuses (over the server's size or
      // duration limit) is refused here without a byte sent, where the server would answer 413 or 422 only
      // after reading it all. A check that fails leaves the judgement to the server.
      const checks = added.map(({ file, id }) =>
        Promise.resolve()
          .then(() => checkFile?.(file) ?? null)
          .catch(() => null)
          .then((refusal) => {
            if (refusal) update(id, { phase: 'refused', error: refusal });
            return refusal;
          }),
      );
      for (const [index, { file, id }] of added.entries()) {
        const refusal = await checks[index];
        if (refusal || cancelled.current.has(id)) continue;
        await uploadOne(id, file, request, tenantId);
      }
    },
    [session.tenantId, uploadOne, checkFile, update],
  );

  /** Stops an upload (or its following) and drops a queued one. */
  const cancel = useCallback(
    (id: number) => {
      cancelled.current.add(id);
      const controller = controllers.current.get(id);
      if (controller) controller.abort();
      else update(id, { phase: 'cancelled' });
    },
    [update],
  );

  const dismiss = useCallback((id: number) => setUploads((all) => all.filter((u) => u.id !== id)), []);
  const clearFinished = useCallback(() => setUploads((all) => all.filter((u) => !isFinished(u))), []);

  return {
    uploads,
    start,
    cancel,
    dismiss,
    clearFinished,
    /** A super-admin must pick a tenant in the header before uploading. */
    tenantMissing: session.tenantId === null,
  };
}
