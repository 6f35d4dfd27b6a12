import { Anchor, Group, Loader, Text } from '@mantine/core';
import { errorMessage } from '../api/api-error';
import { useAuthorizedObjectUrl } from '../hooks/use-authorized-object-url';

interface AudioPlayerProps {
  /** API path of the audio, e.g. `/api/recordings/{id}/playable`. */
  src: string;
  /** Accessible name of the player, e.g. "Recording of the call to +441632960961". */
  label: string;
  /** API path to download (defaults to `src`), and the file name to save as. */
  downloadPath?: string;
  downloadName?: string;
}

/** A native audio player (keyboard and screen-reader friendly) for media that needs the API key. */
export function AudioPlayer({ src, label, downloadPath, downloadName }: AudioPlayerProps) {
  const media = useAuthorizedObjectUrl(src);
  const download = useAuthorizedObjectUrl(downloadPath && downloadPath !== src ? downloadPath : null);
  if (media.isLoading) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          Loading audio…
        </Text>
      </Group>
    );
  }
  if (media.error || !media.url) {
    return (
      <Text size="sm" c="red.8" role="alert">
        Audio unavailable: {errorMessage(media.error)}
      </Text>
    );
  }
  const downloadUrl = downloadPath && downloadPath !== src ? download.url : media.url;
  return (
    <Group gap="sm" wrap="wrap">
      <audio controls src={media.url} aria-label={label} preload="metadata" style={{ maxWidth: '100%' }} />
      {downloadUrl && (
        <Anchor href={downloadUrl} download={downloadName ?? true} size="sm">
          Download
        </Anchor>
      )}
    </Group>
  );
}
