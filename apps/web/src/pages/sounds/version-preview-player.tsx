import { Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../api/api-error';
import { useAuthorizedObjectUrl } from '../../hooks/use-authorized-object-url';
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
  const audio = useRef<HTMLAudioElement>(null);
  const blob = media.blob;

  // The player's own URL of the audio, made and revoked by this effect: the blob may have been cached before
  // the player mounted (the waveform fetched that version), and a URL made during render would be revoked by
  // StrictMode's re-run of effects while still playing.
  useEffect(() => {
    const element = audio.current;
    if (!element || !blob) return;
    const url = URL.createObjectURL(blob);
    element.src = url;
    return () => {
      element.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [blob]);

  if (media.isLoading) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="gray.7">
          Loading {label}…
        </Text>
      </Group>
    );
  }
  if (media.error || !blob) {
    return (
      <Text size="sm" c="red.8" role="alert">
        Cannot play {label}: {errorMessage(media.error)}
      </Text>
    );
  }
  return (
    <audio
      ref={audio}
      controls
      autoPlay
      aria-label={label}
      data-testid="version-preview"
      style={{ width: '100%' }}
    />
  );
}
