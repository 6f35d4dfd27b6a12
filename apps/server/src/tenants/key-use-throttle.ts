/**
 * Remembers when this instance last recorded each key's use, so a busy key costs no database round trip on
 * every request: the `last_used_at` write happens at most once per `resolutionMs` per key and instance (the
 * repository's own WHERE keeps it at most once per window across instances). Bounded: the oldest entries go
 * first when `maxKeys` is reached.
 */
export class KeyUseThrottle {
  private readonly lastRecorded = new Map<string, number>();

  constructor(
    private readonly resolutionMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** True when the use at `nowMs` should be written (and remembers that it was). */
  shouldRecord(keyId: string, nowMs: number): boolean {
    const last = this.lastRecorded.get(keyId);
    if (last !== undefined && nowMs - last < this.resolutionMs) return false;
    this.lastRecorded.delete(keyId);
    this.lastRecorded.set(keyId, nowMs);
    if (this.lastRecorded.size > this.maxKeys) {
      const oldest = this.lastRecorded.keys().next().value;
      if (oldest !== undefined) this.lastRecorded.delete(oldest);
    }
    return true;
  }
}
