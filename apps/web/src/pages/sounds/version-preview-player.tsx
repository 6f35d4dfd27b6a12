import { Group, Loader, Text } from '@mantine/core';
import { errorMessage } from '../../api/api-error';
import { useAuthorizedObjectUrl } from '../../hooks/use-authorized-object-url';
import { useBlobUrl } from '../../hooks/use-blob-url';
import { versionPreviewPath } from '../../hooks/use-sounds';

interface VersionPreviewPlayerProps {
  soundId: string;
  versionId: string;
  /** Accessible name of the player, e.g. "Version 1 of welcome". */
  label: string;
}

/**
 * Plays one version (active or not) as soon as it is loaded, in a native player (keyboard and screen-reader
 * friendly), so an older version can be heard before it is activated.
 */
export function VersionPreviewPlayer({ soundId, versionId, label }: VersionPreviewPlayerProps) {
  const media = useAuthorizedObjectUrl(versionPreviewPath(soundId, versionId));
  // Its own URL of the fetched audio: the blob may be cached already (the waveform player fetched it).
  const url = useBlobUrl(media.blob);
  if (media.isLoading || (media.blob && !url)) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="gray.7">
          Loading {label}…
        </Text>
      </Group>
    );
  }
  if (media.error || !url) {
    return (
      <Text size="sm" c="red.8" role="alert">
        Cannot play {label}: {errorMessage(media.error)}
      </Text>
    );
  }
  return (
    <audio
      controls
      autoPlay
      src={url}
      aria-label={label}
      data-testid="version-preview"
      style={{ width: '100%' }}
    />
  );
}
