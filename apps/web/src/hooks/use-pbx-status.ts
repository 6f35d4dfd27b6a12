import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import type { ResponseOf } from '../api/api-types';
import { ApiError } from '../api/api-error';

export type Readiness = ResponseOf<'/api/health/ready', 'get'>;

export type PbxDisplayState = 'connected' | 'reconnecting' | 'down' | 'unknown';

export interface PbxStatus {
  state: PbxDisplayState;
  simulated: boolean;
  /** One line per PBX: "main: ready". */
  details: string[];
}

/** Folds the readiness of every PBX into one header state: connected only when all are ready. */
export function toPbxStatus(readiness: Readiness | undefined): PbxStatus {
  if (!readiness || readiness.pbx.length === 0) return { state: 'unknown', simulated: false, details: [] };
  const details = readiness.pbx.map((p) => `${p.name}: ${p.state}${p.simulated ? ' (simulated)' : ''}`);
  const simulated = readiness.simulated || readiness.pbx.some((p) => p.simulated);
  if (readiness.pbx.every((p) => p.ready)) return { state: 'connected', simulated, details };
  const reconnecting = readiness.pbx.some((p) =>
    ['reconnecting', 'connecting', 'authenticating'].includes(p.state),
  );
  return { state: reconnecting ? 'reconnecting' : 'down', simulated, details };
}

/** Polls /api/health/ready (a 503 still carries the readiness body). */
export function usePbxStatus(refetchInterval = 5_000) {
  const api = useApi();
  const query = useQuery({
    queryKey: ['health', 'ready'],
    refetchInterval,
    queryFn: async (): Promise<Readiness> => {
      const { data, error, response } = await api.client.GET('/api/health/ready');
      if (data) return data;
      if (response.status === 503 && error) return error as unknown as Readiness;
      throw new ApiError(response.status, 'health-unavailable', 'Health check failed');
    },
  });
  return { ...query, status: toPbxStatus(query.data) };
}
