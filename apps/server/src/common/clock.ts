/** Time, behind an adapter so services are tested without the real clock. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Randomness, behind an adapter so weighted picks are testable with a seeded source. */
export abstract class RandomSource {
  /** A float in [0, 1). */
  abstract next(): number;
}

export class MathRandomSource extends RandomSource {
  next(): number {
    return Math.random();
  }
}
