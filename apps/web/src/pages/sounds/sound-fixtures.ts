import type { Sound, SoundVersion } from '../../hooks/use-sounds';

/** Test data for the sounds hooks and page (not used by the app). */
export function aVersion(overrides: Partial<SoundVersion> = {}): SoundVersion {
  return {
    id: 'v1',
    version: 1,
    status: 'ready',
    error: null,
    active: true,
    original: {
      name: 'welcome.wav',
      format: 'wav',
      encoding: 'Signed Integer PCM',
      durationMs: 2000,
      sampleRate: 8000,
      channels: 1,
      sizeBytes: 32044,
      sha256: 'ab'.repeat(32),
    },
    formats: ['wav', 'ulaw', 'alaw', 'gsm', 'sln16'].map((format) => ({
      format: format as SoundVersion['formats'][number]['format'],
      size: 16000,
    })),
    normalise: false,
    trim: false,
    uploadedBy: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:01.000Z',
    ...overrides,
  };
}

export function aSound(overrides: Partial<Sound> = {}): Sound {
  const version = aVersion();
  return {
    id: 's1',
    tenantId: '11111111-1111-4111-8111-111111111111',
    name: 'welcome',
    description: null,
    playback: 'custom/acme/welcome',
    status: 'ready',
    error: null,
    activeVersion: version,
    latestVersion: version,
    versionCount: 1,
    usageCount: 0,
    lastUsedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:01.000Z',
    ...overrides,
  };
}
