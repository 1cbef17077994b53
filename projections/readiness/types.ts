/** SPEC.md "Reads": the counts a readiness figure is made of. */
export interface ReadinessCounts {
  /** round(100 × done / total); 0 when total is 0. */
  percent: number;
  /** Tasks that are not cancelled. */
  total: number;
  done: number;
  inProgress: number;
  blocked: number;
  /** Not done and due before now. */
  overdue: number;
  /** Not ended and (overdue > 0, or within 7 days of its start and blocked > 0, or within 48 h and percent < 80); see `riskStance`. */
  atRisk: boolean;
}

export interface Readiness extends ReadinessCounts {
  byWing: Record<string, ReadinessCounts>;
  /** Tours only: one entry per live stop (a cancelled stop's tasks leave the counts). */
  byStop?: Record<string, ReadinessCounts>;
}

/** A time window as ISO instants. */
export interface TimeWindow {
  startsAt: string;
  endsAt: string;
}

/** Where a programme is in time: `unscheduled` is a tour without live stops. */
export type Phase = 'unscheduled' | 'upcoming' | 'running' | 'ended';
