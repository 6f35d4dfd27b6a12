import { Drawer, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { hasRole, useSession } from '../../auth/session';
import { useSound, useSoundLimits } from '../../hooks/use-sounds';
import { useUploadSounds } from '../../hooks/use-upload-sounds';
import { SoundDetails } from './sound-details';
import { SoundUploadPanel } from './sound-upload-panel';
import { SoundsLibrary } from './sounds-library';
import { UploadList } from './upload-list';
import { tooLongMessage } from './upload-duration';
import { tooLargeMessage } from './upload-size';

/**
 * The sound library: upload (drop or choose files, progress per file through conversion), browse, play with
 * the waveform, rename, new versions, activate an older one, delete. Viewers only browse and play.
 * The open sound is in the URL (`?sound=<id>`), so it can be linked and survives a reload.
 */
export function SoundsPage() {
  const session = useSession();
  const canEdit = hasRole(session.principal.role, 'operator');
  const limits = useSoundLimits();
  const maxUploadBytes = limits.data?.maxUploadBytes;
  const maxDurationSeconds = limits.data?.maxDurationSeconds;
  const checkFile = useCallback(
    async (file: File) =>
      tooLargeMessage(file, maxUploadBytes) ?? (await tooLongMessage(file, maxDurationSeconds)),
    [maxUploadBytes, maxDurationSeconds],
  );
  const upload = useUploadSounds({ checkFile });
  const [params, setParams] = useSearchParams();
  const openId = params.get('sound');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const open = useSound(openId);

  const setOpen = (soundId: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (soundId) next.set('sound', soundId);
        else next.delete('sound');
        return next;
      },
      { replace: soundId === null },
    );
  const start = (request: Parameters<typeof upload.start>[0]) => void upload.start(request);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Sounds</Title>
        <Text c="gray.7" size="sm">
          Prompts and announcements the PBX plays. Each upload is converted to every format Asterisk uses.
        </Text>
      </div>
      {canEdit && (
        <Stack gap="sm">
          <SoundUploadPanel onFiles={start} tenantMissing={upload.tenantMissing} limits={limits.data} />
          <UploadList
            uploads={upload.uploads}
            onCancel={upload.cancel}
            onDismiss={upload.dismiss}
            onClearFinished={upload.clearFinished}
            onOpen={setOpen}
          />
        </Stack>
      )}
      <SoundsLibrary onOpen={setOpen} canEdit={canEdit} />
      <Drawer
        opened={openId !== null}
        onClose={() => setOpen(null)}
        position="right"
        size={phone ? '100%' : 'lg'}
        title={open.data?.name ?? 'Sound'}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
      >
        {openId && (
          <SoundDetails
            key={openId}
            soundId={openId}
            canEdit={canEdit}
            uploads={upload.uploads}
            onUpload={start}
            onCancelUpload={upload.cancel}
            onDismissUpload={upload.dismiss}
            onDeleted={() => setOpen(null)}
          />
        )}
      </Drawer>
    </Stack>
  );
}
