/** Calls counted by outcome, as the statistics and the hourly chart give them. */
export interface OutcomeCounts {
  placed: number;
  answered: number;
  busy: number;
  noAnswer: number;
  congestion: number;
  failed: number;
  canceled: number;
}

/** The database answers `count(*)` as a string (bigint): each outcome's count as a number. */
export function outcomeCounts(row: Record<keyof OutcomeCounts, string | number>): OutcomeCounts {
  return {
    placed: Number(row.placed),
    answered: Number(row.answered),
    busy: Number(row.busy),
    noAnswer: Number(row.noAnswer),
    congestion: Number(row.congestion),
    failed: Number(row.failed),
    canceled: Number(row.canceled),
  };
}
