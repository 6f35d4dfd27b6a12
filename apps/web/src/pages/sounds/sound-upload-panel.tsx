import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileMusic, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { SoundLimits } from '../../hooks/use-sounds';
import type { UploadRequest } from '../../hooks/use-upload-sounds';
import { uploadLimitsText } from './upload-limits-text';

interface SoundUploadPanelProps {
  onFiles: (request: UploadRequest) => void;
  /** A super-admin has not picked a tenant: uploads need one. */
  tenantMissing: boolean;
  /** The server's limits, shown in the drop zone; undefined while they load (or when they could not be read). */
  limits: SoundLimits | undefined;
}

/**
 * Drop one or many audio files, or choose them with the button. The server judges each file by its content,
 * so nothing is filtered by type here; the size limit is checked before sending (see useUploadSounds).
 */
export function SoundUploadPanel({ onFiles, tenantMissing, limits }: SoundUploadPanelProps) {
  const openRef = useRef<() => void>(null);
  const [normalise, setNormalise] = useState(false);
  const [trim, setTrim] = useState(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upload-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="upload-title">
          Upload sounds
        </Title>
        {tenantMissing && (
          <Alert color="yellow" title="Pick a tenant first">
            Sounds belong to a tenant: choose one in the header to upload.
          </Alert>
        )}
        <Dropzone
          openRef={openRef}
          onDrop={(files) => onFiles({ files, normalise, trim })}
          multiple
          disabled={tenantMissing}
          useFsAccessApi={false}
          inputProps={{ 'aria-label': 'Sound files', 'data-testid': 'sound-file-input' } as object}
          aria-label="Drop audio files here"
        >
          <Group justify="center" gap="md" mih={110} style={{ pointerEvents: 'none' }} wrap="nowrap">
            <Dropzone.Accept>
              <IconUpload
                size={40}
                color="var(--mantine-color-indigo-7)"
                aria-hidden
                style={{ flexShrink: 0 }}
              />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconUpload
                size={40}
                color="var(--mantine-color-red-7)"
                aria-hidden
                style={{ flexShrink: 0 }}
              />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileMusic
                size={40}
                color="var(--mantine-color-gray-6)"
                aria-hidden
                style={{ flexShrink: 0 }}
              />
            </Dropzone.Idle>
            <Stack gap={2}>
              <Text fw={600}>Drop audio files here</Text>
              <Text size="sm" c="gray.7" data-testid="upload-limits">
                {limits ? `${uploadLimitsText(limits)} ` : ''}Each file becomes a sound named after it (a name
                in use gets a new version).
              </Text>
            </Stack>
          </Group>
        </Dropzone>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="md">
            <Checkbox
              label="Normalise loudness"
              checked={normalise}
              onChange={(e) => setNormalise(e.currentTarget.checked)}
            />
            <Checkbox
              label="Trim silence at the ends"
              checked={trim}
              onChange={(e) => setTrim(e.currentTarget.checked)}
            />
          </Group>
          <Button
            leftSection={<IconUpload size={16} />}
            onClick={() => openRef.current?.()}
            disabled={tenantMissing}
          >
            Choose files
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
