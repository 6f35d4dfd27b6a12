import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/api-client';
import { useApi } from '../../api/api-context';
import type { ResponseOf } from '../../api/api-types';
import { AudioPlayer } from '../../components/audio-player';
import { ErrorState, LoadingState } from '../../components/states';
import { isFinalStatus, useCallsTenant, type Call } from '../../hooks/use-calls';

type RecordingPage = ResponseOf<'/api/recordings', 'get'>;

/** The recording of a call (found by its call id), with a player and a download. */
export function CallRecording({ call }: { call: Call }) {
  const api = useApi();
  const { tenantId } = useCallsTenant();
  const ended = isFinalStatus(call.status);
  const recordings = useQuery<RecordingPage>({
    queryKey: ['recordings', 'of-call', call.id, ended] as const,
    enabled: call.record && ended,
    // the file is listed a moment after the hangup: look again for a while before saying there is none
    refetchInterval: (query) =>
      query.state.data?.items.length === 0 && Date.now() - Date.parse(call.endedAt ?? call.createdAt) < 30_000
        ? 1_000
        : false,
    queryFn: ({ signal }) =>
      unwrap(
        api.client.GET('/api/recordings', {
          params: { query: { callId: call.id, limit: 5, ...(tenantId ? { tenantId } : {}) } },
          signal,
        }),
      ),
  });
  if (!call.record) return <Text size="sm">Not recorded.</Text>;
  if (!ended) {
    return (
      <Text size="sm" c="dimmed">
        Recording… the player appears when the call ends.
      </Text>
    );
  }
  if (recordings.isPending) return <LoadingState label="Looking for the recording…" />;
  if (recordings.error)
    return <ErrorState error={recordings.error} onRetry={() => void recordings.refetch()} />;
  const recording = recordings.data.items[0];
  if (!recording) {
    return (
      <Text size="sm" c="dimmed">
        No recording file{call.answeredAt ? ' was found for this call' : ': the call was never answered'}.
      </Text>
    );
  }
  return (
    <AudioPlayer
      src={`/api/recordings/${recording.id}/playable`}
      label={`Recording of the call to ${call.to}`}
      downloadPath={`/api/recordings/${recording.id}/download`}
      downloadName={recording.name}
    />
  );
}
