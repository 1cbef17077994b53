/** The demo's instants, all derived from one `now` so that the same clock gives the same demo. */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** India Standard Time is UTC+05:30 all year. */
const IST_OFFSET = 330 * 60 * 1000;

export interface Window {
  startsAt: string;
  endsAt: string;
}

export interface DemoTimes {
  /** The review meeting at the party office: the first 11:00 IST at least 20 h away (20–44 h: at risk). */
  review: Window;
  /** Last month's review: four weeks before `review`. */
  lastReview: Window;
  /** The tribal wing's preparation meeting: the last 16:00 IST at least 24 h ago (so it has ended). */
  prep: Window;
  /** The tour's stops, on the three days after the day after the review meeting. */
  jagdalpur: Window;
  dantewada: Window;
  /** Kanker as first planned; the demo moves it an hour later (`kanker`). */
  kankerPlanned: Window;
  kanker: Window;
  /** `hours` before now (rounded down to the IST hour): due times that are already past. */
  ago(hours: number): string;
  /** `hours` after now (rounded down to the IST hour). */
  later(hours: number): string;
  /** `hours` before an instant given by this object. */
  before(at: string, hours: number): string;
}

/** An instant as the people in Raipur would write it: `2018-06-26T11:00:00+05:30`. */
export function ist(ms: number): string {
  return `${new Date(ms + IST_OFFSET).toISOString().slice(0, 19)}+05:30`;
}

/** The instant at `hh:mm` IST on the IST calendar day `days` after today's. */
function istClock(nowMs: number, days: number, hh: number, mm = 0): number {
  const today = new Date(nowMs + IST_OFFSET);
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, hh, mm) - IST_OFFSET;
}

const span = (startMs: number, hours: number): Window => ({ startsAt: ist(startMs), endsAt: ist(startMs + hours * HOUR) });

export function demoTimes(now: Date): DemoTimes {
  const nowMs = now.getTime();
  let reviewDay = 0;
  while (istClock(nowMs, reviewDay, 11) < nowMs + 20 * HOUR) reviewDay++;
  let prepDay = 0;
  while (istClock(nowMs, prepDay, 16) > nowMs - DAY) prepDay--;
  const tourDay = reviewDay + 2;
  const hourFloor = Math.floor((nowMs + IST_OFFSET) / HOUR) * HOUR - IST_OFFSET;
  return {
    review: span(istClock(nowMs, reviewDay, 11), 3),
    lastReview: span(istClock(nowMs, reviewDay - 28, 11), 3),
    prep: span(istClock(nowMs, prepDay, 16), 2),
    jagdalpur: span(istClock(nowMs, tourDay, 11), 3),
    dantewada: span(istClock(nowMs, tourDay + 1, 11), 3),
    kankerPlanned: span(istClock(nowMs, tourDay + 2, 11), 3),
    kanker: span(istClock(nowMs, tourDay + 2, 12), 3),
    ago: (hours) => ist(hourFloor - hours * HOUR),
    later: (hours) => ist(hourFloor + hours * HOUR),
    before: (at, hours) => ist(Date.parse(at) - hours * HOUR),
  };
}
