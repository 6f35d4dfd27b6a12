import { ActionIcon, Box, Group, Loader, Text, useMantineTheme } from '@mantine/core';
import { IconPlayerPauseFilled, IconPlayerPlayFilled } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { errorMessage } from '../api/api-error';
import { useAuthorizedObjectUrl } from '../hooks/use-authorized-object-url';
import { useSoundPeaks, versionPreviewPath } from '../hooks/use-sounds';

interface WaveformPlayerProps {
  soundId: string;
  /** The active version (null while none is ready): the waveform and audio follow it. */
  versionId: string | null;
  /** The sound's name, for the button and slider labels. */
  name: string;
}

/** m:ss of a time in seconds. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

const SEEK_STEP_S = 1;

/**
 * Plays a library sound's preview over its waveform (the server's precomputed peaks, so nothing is decoded
 * in the browser). A labelled play/pause button; the waveform is a slider: click or drag to seek, or focus
 * it and use the arrow keys, Home and End.
 */
export function WaveformPlayer({ soundId, versionId, name }: WaveformPlayerProps) {
  const theme = useMantineTheme();
  const peaks = useSoundPeaks(soundId, versionId);
  // The audio of exactly this version: when the active version changes, the player loads the new one.
  const media = useAuthorizedObjectUrl(versionId ? versionPreviewPath(soundId, versionId) : null);
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [playError, setPlayError] = useState<string | null>(null);

  const peakData = peaks.data;
  const blob = media.blob;
  const waveColor = theme.colors.indigo[3];
  const progressColor = theme.colors.indigo[8];
  useEffect(() => {
    if (!container.current || !peakData || !blob) return;
    // The player's own URL, made and revoked here: the blob may be cached from before this mount, and a URL
    // made during render would be revoked by StrictMode's re-run of effects while still in use.
    const url = URL.createObjectURL(blob);
    const ws = WaveSurfer.create({
      container: container.current,
      height: 64,
      waveColor,
      progressColor,
      cursorColor: progressColor,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: true,
      url,
      peaks: [peakData.peaks],
      duration: peakData.durationMs / 1000,
    });
    surfer.current = ws;
    const unsubscribe = [
      ws.on('play', () => setPlaying(true)),
      ws.on('pause', () => setPlaying(false)),
      ws.on('finish', () => setPlaying(false)),
      ws.on('timeupdate', (t) => setTime(t)),
      ws.on('error', (e) => setPlayError(errorMessage(e))),
    ];
    return () => {
      for (const off of unsubscribe) off();
      ws.destroy();
      URL.revokeObjectURL(url);
      surfer.current = null;
      setPlaying(false);
      setTime(0);
      setPlayError(null);
    };
  }, [peakData, blob, waveColor, progressColor]);

  if (!versionId) {
    return (
      <Text size="sm" c="gray.7">
        No playable version yet: the preview appears once a version is ready.
      </Text>
    );
  }
  if (peaks.isLoading || media.isLoading) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="gray.7">
          Loading the preview…
        </Text>
      </Group>
    );
  }
  const loadError = peaks.error ?? media.error;
  if (loadError || !peakData || !blob) {
    return (
      <Text size="sm" c="red.8" role="alert">
        Preview unavailable: {errorMessage(loadError)}
      </Text>
    );
  }

  const duration = peakData.durationMs / 1000;
  const toggle = () => {
    surfer.current?.playPause().catch((e: unknown) => setPlayError(errorMessage(e)));
  };
  const seekTo = (seconds: number) => surfer.current?.setTime(Math.min(duration, Math.max(0, seconds)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: time - SEEK_STEP_S,
      ArrowDown: time - SEEK_STEP_S,
      ArrowRight: time + SEEK_STEP_S,
      ArrowUp: time + SEEK_STEP_S,
      Home: 0,
      End: duration,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    seekTo(target);
  };

  return (
    <Box data-testid="waveform-player" data-state={playing ? 'playing' : 'paused'}>
      <Group gap="sm" wrap="nowrap" align="center">
        <ActionIcon
          size="xl"
          radius="xl"
          variant="filled"
          onClick={toggle}
          aria-label={playing ? `Pause ${name}` : `Play ${name}`}
        >
          {playing ? <IconPlayerPauseFilled size={22} /> : <IconPlayerPlayFilled size={22} />}
        </ActionIcon>
        <Box
          ref={container}
          role="slider"
          tabIndex={0}
          aria-label={`Position in ${name}`}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(time)}
          aria-valuetext={`${formatClock(time)} of ${formatClock(duration)}`}
          onKeyDown={onKeyDown}
          className="mantine-focus-auto"
          style={{ flex: 1, minWidth: 0, cursor: 'pointer', borderRadius: 4 }}
        />
        <Text size="sm" c="gray.7" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {formatClock(time)} / {formatClock(duration)}
        </Text>
      </Group>
      {playError && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          Cannot play: {playError}
        </Text>
      )}
    </Box>
  );
}
