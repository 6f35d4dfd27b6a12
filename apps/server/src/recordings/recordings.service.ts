import { Inject, Injectable } from '@nestjs/common';
import { spansAllTenants, type Principal } from '../common/auth/principal.js';
import { AccessService } from '../common/auth/access.service.js';
import path from 'node:path';
import { AppError, forbidden, notFound } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SoundFileStore, type ListedFile } from '../sounds/sound-file-store.js';
import { UnsafePathError } from '../sounds/sound-paths.js';
import { SoxError, SoxRunner } from '../sounds/sox-runner.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { RecordingCallLookup, type RecordingCall } from './recording-call-lookup.js';
import {
  decodeRecordingId,
  encodeRecordingId,
  isPcmWav,
  isRecordingFile,
  recordingFacts,
  recordingInputType,
  wavDurationSeconds,
} from './recording-facts.js';
import type { RecordingListQuery, RecordingView } from './recordings.dto.js';

interface Candidate {
  file: ListedFile;
  recordedAt: Date;
  call: RecordingCall | undefined;
}

/**
 * The recordings in ASTERISK_MONITOR_DIR (recursive, FreePBX's YYYY/MM/DD too). A recording is its call's
 * tenant's; one with no known call is seen by admin keys only. Another tenant's recording answers 404.
 */
@Injectable()
export class RecordingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: SoundFileStore,
    private readonly calls: RecordingCallLookup,
    private readonly access: AccessService,
    private readonly sox: SoxRunner,
    private readonly tenants: TenantsService,
  ) {}

  private get root(): string {
    return this.config.asteriskMonitorDir;
  }

  async list(principal: Principal, query: RecordingListQuery) {
    const tenantFilter =
      query.tenantId !== undefined ? await this.access.tenantScope(principal, query.tenantId) : undefined;
    const listed = (await this.files.list(this.root)).filter((f) => isRecordingFile(f.relativePath));
    const candidates = await this.withCalls(listed);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const search = query.search?.toLowerCase();
    const cache = new Map<string, boolean>();
    const allowed: Candidate[] = [];
    for (const candidate of candidates) {
      if (await this.maySee(principal, candidate.call, cache)) allowed.push(candidate);
    }
    const visible = allowed
      .filter((c) => tenantFilter === undefined || c.call?.tenantId === tenantFilter)
      .filter((c) => query.callId === undefined || c.call?.callId === query.callId)
      .filter((c) => search === undefined || matchesSearch(c, search))
      .filter((c) => (!from || c.recordedAt >= from) && (!to || c.recordedAt < to))
      .sort(
        (a, b) =>
          b.recordedAt.getTime() - a.recordedAt.getTime() ||
          a.file.relativePath.localeCompare(b.file.relativePath),
      );
    const offset = query.cursor === undefined ? 0 : Number(query.cursor);
    const page = visible.slice(offset, offset + query.limit);
    return {
      items: await Promise.all(page.map((c) => this.view(c))),
      nextCursor: offset + query.limit < visible.length ? String(offset + query.limit) : null,
    };
  }

  async get(principal: Principal, id: string): Promise<RecordingView> {
    return this.view(await this.load(principal, id));
  }

  /** The file to stream or download. */
  async file(principal: Principal, id: string): Promise<{ path: string; name: string; contentType: string }> {
    const candidate = await this.load(principal, id);
    const resolved = await this.files.resolveFile(this.root, candidate.file.relativePath);
    if (!resolved) throw notFound('Recording');
    const name = candidate.file.relativePath.split('/').at(-1) ?? 'recording';
    return { path: resolved.path, name, contentType: contentTypeOf(name) };
  }

  /**
   * The recording as something a browser plays: the file itself when it is PCM WAV, else a temporary 8 kHz
   * 16-bit PCM WAV made by sox (GSM, WAV49, u-law, a-law...). `cleanup` removes the temporary file.
   */
  async playable(
    principal: Principal,
    id: string,
  ): Promise<{ path: string; name: string; contentType: string; cleanup: () => Promise<void> }> {
    const file = await this.file(principal, id);
    const noop = () => Promise.resolve();
    if (isPcmWav(await this.files.readHead(file.path, 512)))
      return { ...file, contentType: 'audio/wav', cleanup: noop };
    const type = recordingInputType(file.name);
    if (type === undefined) {
      throw new AppError(
        415,
        'unsupported-media-type',
        'This recording format can not be made browser-playable',
      );
    }
    const tempRoot = path.join(this.config.dataDir, 'tmp');
    const dir = await this.files.tempDir(tempRoot);
    const output = path.join(dir, 'playable.wav');
    try {
      await this.sox.convert({
        input: file.path,
        inputType: type,
        output,
        outputArgs: ['-t', 'wav', '-e', 'signed-integer', '-b', '16', '-r', '8000', '-c', '1'],
        effects: [],
      });
    } catch (err) {
      await this.files.removeDir(tempRoot, dir);
      if (err instanceof SoxError) {
        throw new AppError(415, 'unsupported-media-type', `sox can not read this recording: ${err.reason}`);
      }
      throw err;
    }
    return {
      path: output,
      name: file.name.replace(/\.[a-z0-9]+$/i, '.wav'),
      contentType: 'audio/wav',
      cleanup: () => this.files.removeDir(tempRoot, dir),
    };
  }

  /**
   * Admin keys, or operator keys of a tenant with `operatorsMayDeleteRecordings`; viewers never. The role and
   * the setting are checked first (403, the same for any id); then, as for reading, another tenant's recording
   * or one with no known call answers 404 to any key bound to a tenant (its admin included), like a missing one.
   */
  async delete(principal: Principal, id: string): Promise<void> {
    await this.assertMayDelete(principal);
    const candidate = await this.load(principal, id);
    await this.files.remove(this.root, candidate.file.relativePath);
  }

  private async assertMayDelete(principal: Principal): Promise<void> {
    if (principal.role === 'admin') return;
    if (principal.role === 'operator' && principal.tenantId !== null) {
      const tenant = await this.tenants.get(principal, principal.tenantId);
      if (tenant.operatorsMayDeleteRecordings) return;
      throw forbidden("Deleting a recording needs the admin role; this operator's tenant does not allow it");
    }
    throw forbidden(`Deleting a recording needs the admin role; the key has ${principal.role}`);
  }

  /**
   * A known call's recording: whoever may act on its tenant; no known call: platform keys only (it may be any
   * tenant's), never a tenant's own admin.
   */
  private async maySee(principal: Principal, call: RecordingCall | undefined, cache: Map<string, boolean>) {
    if (call === undefined) return spansAllTenants(principal);
    let allowed = cache.get(call.tenantId);
    if (allowed === undefined) {
      allowed = await this.access.tenantScope(principal, call.tenantId).then(
        () => true,
        () => false,
      );
      cache.set(call.tenantId, allowed);
    }
    return allowed;
  }

  private async load(principal: Principal, id: string): Promise<Candidate> {
    const relativePath = decodeRecordingId(id);
    if (relativePath === undefined || !isRecordingFile(relativePath)) throw notFound('Recording');
    let resolved;
    try {
      resolved = await this.files.resolveFile(this.root, relativePath);
    } catch (err) {
      if (err instanceof UnsafePathError) throw notFound('Recording');
      throw err;
    }
    if (!resolved) throw notFound('Recording');
    const listed = (await this.files.list(this.root)).find((f) => f.relativePath === relativePath);
    if (!listed) throw notFound('Recording');
    const [candidate] = await this.withCalls([listed]);
    if (!candidate || !(await this.maySee(principal, candidate.call, new Map()))) throw notFound('Recording');
    return candidate;
  }

  private async withCalls(listed: ListedFile[]): Promise<Candidate[]> {
    const facts = listed.map((file) => ({ file, facts: recordingFacts(file.relativePath) }));
    const calls = await this.calls.find(
      facts.map((f) => ({ relativePath: f.file.relativePath, keys: f.facts.keys })),
    );
    return facts.map(({ file, facts: f }) => ({
      file,
      recordedAt: f.recordedAt ?? file.modifiedAt,
      call: calls.get(file.relativePath),
    }));
  }

  private async view(candidate: Candidate): Promise<RecordingView> {
    const { file } = candidate;
    const path = `${this.root}/${file.relativePath}`;
    const head = /\.wav$/i.test(file.relativePath)
      ? await this.files.readHead(path, 4096).catch(() => undefined)
      : undefined;
    const seconds = head ? wavDurationSeconds(head, file.size) : undefined;
    return {
      id: encodeRecordingId(file.relativePath),
      path: file.relativePath,
      name: file.relativePath.split('/').at(-1) ?? file.relativePath,
      sizeBytes: file.size,
      durationSeconds: seconds === undefined ? null : Math.round(seconds * 1000) / 1000,
      recordedAt: candidate.recordedAt.toISOString(),
      modifiedAt: file.modifiedAt.toISOString(),
      callId: candidate.call?.callId ?? null,
      tenantId: candidate.call?.tenantId ?? null,
      call: candidate.call
        ? { to: candidate.call.to, from: candidate.call.from, status: candidate.call.status }
        : null,
    };
  }
}

/** `search` (lower case) is part of the file's path or of its call's numbers. */
function matchesSearch(candidate: Candidate, search: string): boolean {
  const { file, call } = candidate;
  return (
    file.relativePath.toLowerCase().includes(search) ||
    (call !== undefined && (call.to.includes(search) || (call.from?.includes(search) ?? false)))
  );
}

function contentTypeOf(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'wav' || extension === 'wav49') return 'audio/wav';
  if (extension === 'mp3') return 'audio/mpeg';
  if (extension === 'ogg') return 'audio/ogg';
  return 'application/octet-stream';
}
