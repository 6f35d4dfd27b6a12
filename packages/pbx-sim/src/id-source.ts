/**
 * Every identifier the PBX hands out. Uniqueids are `<epoch seconds>.<global sequence>` as in Asterisk; the
 * sequence survives a simulated restart (as the captures' Uniqueids keep growing across calls). Random parts
 * (MD5 challenges, session ids, bridge ids) come from a seeded PRNG so a test can make them deterministic.
 */
export class IdSource {
  private sequence = 0;
  private localCounter = 0;
  private readonly techCounters = new Map<string, number>();
  private state: number;

  constructor(seed: number, firstLocalSuffix = 0) {
    this.state = seed >>> 0 || 0x9e3779b9;
    this.localCounter = firstLocalSuffix;
  }

  /** mulberry32: small, fast, good enough for test ids. */
  random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniqueid(nowMs: number): string {
    return `${Math.floor(nowMs / 1000)}.${this.sequence++}`;
  }

  /** The 8-hex-digit suffix of a Local channel pair (`Local/x@ctx-0000000a;1`). */
  localSuffix(): string {
    return (this.localCounter++).toString(16).padStart(8, '0');
  }

  /** Suffix for other technologies (`PJSIP/trunk-00000001`), counted per technology. */
  techSuffix(tech: string): string {
    const next = (this.techCounters.get(tech) ?? 0) + 1;
    this.techCounters.set(tech, next);
    return next.toString(16).padStart(8, '0');
  }

  challenge(): string {
    return String(Math.floor(this.random() * 900_000_000) + 100_000_000);
  }

  sessionId(): string {
    return (
      '0x7f' +
      Math.floor(this.random() * 0xffffffffff)
        .toString(16)
        .padStart(10, '0')
    );
  }

  uuid(): string {
    const hex = (n: number): string =>
      Array.from({ length: n }, () => Math.floor(this.random() * 16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(this.random() * 4)]}${hex(3)}-${hex(12)}`;
  }
}
