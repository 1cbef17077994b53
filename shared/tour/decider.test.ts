import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { wingsDecider } from '../wings/decider';
import type { AddStop, RescheduleStop } from './commands';
import { tourDecider, tourFacts, type TourContext } from './decider';
import { TourEventSchema, type TourEvent } from './events';

const context: TourContext = { wings: wingsDecider.initialState, programmeIdTaken: false };
const spec = deciderSpec(tourDecider, { context, events: TourEventSchema });

const tourId = 'bastar-2018';
/** 26 June 2018 at hh:mm UTC, as InstantSchema normalises it. */
const at = (hhmm: string) => `2018-06-26T${hhmm}:00.000Z`;

const planned: TourEvent = { type: 'TourPlanned', data: { tourId, title: 'बस्तर परिवर्तन यात्रा', leader: 'Rahul Gandhi' } };
const place = { place: 'जगदलपुर', district: 'Bastar', venue: 'Lalbagh ground' };
const stopAdded = (stopId: string, from: string, to: string): TourEvent => ({
  type: 'StopAdded',
  data: { tourId, stopId, ...place, startsAt: at(from), endsAt: at(to) },
});
const stopRescheduled = (stopId: string, from: string, to: string): TourEvent => ({
  type: 'StopRescheduled',
  data: { tourId, stopId, startsAt: at(from), endsAt: at(to) },
});
const stopCancelled = (stopId: string): TourEvent => ({ type: 'StopCancelled', data: { tourId, stopId, reason: 'rain' } });
const tourCancelled: TourEvent = { type: 'TourCancelled', data: { tourId, reason: 'election code of conduct' } };

const addStop = (stopId: string, from: string, to: string): AddStop => ({
  type: 'AddStop',
  tourId,
  stopId,
  ...place,
  startsAt: at(from),
  endsAt: at(to),
});
const reschedule = (stopId: string, from: string, to: string): RescheduleStop => ({
  type: 'RescheduleStop',
  tourId,
  stopId,
  startsAt: at(from),
  endsAt: at(to),
});

describe('PlanTour', () => {
  it('plans a tour', () => {
    spec
      .given([])
      .when({ type: 'PlanTour', tourId, title: 'बस्तर परिवर्तन यात्रा', leader: 'Rahul Gandhi', region: 'Bastar', notes: 'first visit' })
      .then([{ type: 'TourPlanned', data: { tourId, title: 'बस्तर परिवर्तन यात्रा', leader: 'Rahul Gandhi', region: 'Bastar', notes: 'first visit' } }]);
  });

  it('refuses an id a tour already has', () => {
    spec.given([planned]).when({ type: 'PlanTour', tourId, title: 'again', leader: 'someone' }).thenThrows(RuleViolation, 'id-taken');
  });

  it('refuses an id a meeting already has', () => {
    spec
      .given([], { ...context, programmeIdTaken: true })
      .when({ type: 'PlanTour', tourId, title: 'again', leader: 'someone' })
      .thenThrows(RuleViolation, 'id-taken');
  });
});

describe('AddStop', () => {
  it('adds a stop with a host wing', () => {
    spec
      .given([planned])
      .when({ ...addStop('jagdalpur', '05:30', '07:30'), hostWing: 'adivasi' })
      .then([{ type: 'StopAdded', data: { tourId, stopId: 'jagdalpur', ...place, startsAt: at('05:30'), endsAt: at('07:30'), hostWing: 'adivasi' } }]);
  });

  it('accepts a host wing registered after the default catalogue', () => {
    const wings = wingsDecider.evolve(wingsDecider.initialState, {
      type: 'WingRegistered',
      data: { code: 'lawyers', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' },
    });
    spec
      .given([planned], { ...context, wings })
      .when({ ...addStop('s1', '05:30', '07:30'), hostWing: 'lawyers' })
      .then([{ type: 'StopAdded', data: { tourId, stopId: 's1', ...place, startsAt: at('05:30'), endsAt: at('07:30'), hostWing: 'lawyers' } }]);
  });

  it('refuses a host wing that is not in the catalogue', () => {
    const error = spec
      .given([planned])
      .when({ ...addStop('s1', '05:30', '07:30'), hostWing: 'no-such-wing' })
      .thenThrows(InvalidCommand, 'unknown-wing');
    expect(error.path).toEqual(['hostWing']);
  });

  it('refuses a stop on a tour that does not exist', () => {
    spec
      .given([])
      .when(addStop('s1', '05:30', '07:30'))
      .thenThrows(NotFound, 'tour-not-found');
  });

  it('refuses a stop on a cancelled tour', () => {
    spec
      .given([planned, tourCancelled])
      .when(addStop('s1', '05:30', '07:30'))
      .thenThrows(RuleViolation, 'tour-cancelled');
  });

  it('refuses a stop id the tour already has', () => {
    spec
      .given([planned, stopAdded('s1', '05:30', '07:30')])
      .when(addStop('s1', '10:00', '11:00'))
      .thenThrows(RuleViolation, 'id-taken');
  });

  it('refuses the id of a cancelled stop', () => {
    spec
      .given([planned, stopAdded('s1', '05:30', '07:30'), stopCancelled('s1')])
      .when(addStop('s1', '10:00', '11:00'))
      .thenThrows(RuleViolation, 'id-taken');
  });

  // The live stop s1 runs 10:00–12:00.
  it.each([
    ['overlaps its end', '11:00', '13:00'],
    ['overlaps its start', '09:00', '11:00'],
    ['lies inside it', '10:30', '11:30'],
    ['covers it', '09:00', '13:00'],
    ['is the same window', '10:00', '12:00'],
    ['starts with it and ends later', '10:00', '12:30'],
    ['starts later and ends with it', '11:00', '12:00'],
  ])('refuses a window that %s (%s–%s)', (_what, from, to) => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00')])
      .when(addStop('s2', from, to))
      .thenThrows(RuleViolation, 'stop-overlaps');
  });

  it.each([
    ['starts exactly when it ends', '12:00', '14:00'],
    ['ends exactly when it starts', '08:00', '10:00'],
    ['is later the same day', '13:00', '14:00'],
  ])('accepts a window that %s (%s–%s)', (_what, from, to) => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00')])
      .when(addStop('s2', from, to))
      .then([stopAdded('s2', from, to)]);
  });

  it('ignores cancelled stops when looking for overlaps', () => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00'), stopCancelled('s1')])
      .when(addStop('s2', '10:00', '12:00'))
      .then([stopAdded('s2', '10:00', '12:00')]);
  });

  describe('after a stop moved from 10:00–12:00 to 14:00–16:00', () => {
    const moved = [planned, stopAdded('s1', '10:00', '12:00'), stopRescheduled('s1', '14:00', '16:00')];

    it('accepts a stop in the window it left', () => {
      spec
        .given(moved)
        .when(addStop('s2', '10:00', '12:00'))
        .then([stopAdded('s2', '10:00', '12:00')]);
    });

    it('refuses a stop that overlaps the window it moved to', () => {
      spec
        .given(moved)
        .when(addStop('s2', '15:00', '17:00'))
        .thenThrows(RuleViolation, 'stop-overlaps');
    });
  });
});

describe('RescheduleStop', () => {
  const twoStops = [planned, stopAdded('s1', '10:00', '12:00'), stopAdded('s2', '13:00', '15:00')];

  it('moves a stop', () => {
    spec
      .given(twoStops)
      .when(reschedule('s2', '16:00', '18:00'))
      .then([stopRescheduled('s2', '16:00', '18:00')]);
  });

  it('does not count the stop itself as an overlap', () => {
    spec
      .given(twoStops)
      .when(reschedule('s1', '09:00', '11:00'))
      .then([stopRescheduled('s1', '09:00', '11:00')]);
  });

  it('refuses a window that overlaps another live stop', () => {
    spec
      .given(twoStops)
      .when(reschedule('s2', '11:30', '14:00'))
      .thenThrows(RuleViolation, 'stop-overlaps');
  });

  it('accepts a window that touches another stop', () => {
    spec
      .given(twoStops)
      .when(reschedule('s2', '12:00', '13:00'))
      .then([stopRescheduled('s2', '12:00', '13:00')]);
  });

  it('accepts a window over a cancelled stop', () => {
    spec
      .given([...twoStops, stopCancelled('s1')])
      .when(reschedule('s2', '10:00', '12:00'))
      .then([stopRescheduled('s2', '10:00', '12:00')]);
  });

  it('changes nothing when the window is the same', () => {
    spec
      .given(twoStops)
      .when(reschedule('s1', '10:00', '12:00'))
      .thenNothing();
  });

  it('changes nothing when the window is the one it was rescheduled to', () => {
    spec
      .given([...twoStops, stopRescheduled('s1', '08:00', '09:00')])
      .when(reschedule('s1', '08:00', '09:00'))
      .thenNothing();
  });

  it('refuses to reschedule a cancelled stop', () => {
    spec
      .given([...twoStops, stopCancelled('s1')])
      .when(reschedule('s1', '16:00', '18:00'))
      .thenThrows(RuleViolation, 'stop-cancelled');
  });

  it('refuses to reschedule a stop on a cancelled tour', () => {
    spec
      .given([...twoStops, tourCancelled])
      .when(reschedule('s1', '16:00', '18:00'))
      .thenThrows(RuleViolation, 'tour-cancelled');
  });

  it('refuses a stop that is not on the tour', () => {
    spec
      .given(twoStops)
      .when(reschedule('s9', '16:00', '18:00'))
      .thenThrows(NotFound, 'stop-not-found');
  });

  it('refuses a tour that does not exist', () => {
    spec
      .given([])
      .when(reschedule('s1', '16:00', '18:00'))
      .thenThrows(NotFound, 'tour-not-found');
  });
});

describe('CancelStop', () => {
  const cancel = (stopId: string) => ({ type: 'CancelStop' as const, tourId, stopId, reason: 'rain' });

  it('cancels a stop', () => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00')])
      .when(cancel('s1'))
      .then([stopCancelled('s1')]);
  });

  it('refuses to cancel a cancelled stop', () => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00'), stopCancelled('s1')])
      .when(cancel('s1'))
      .thenThrows(RuleViolation, 'stop-cancelled');
  });

  it('refuses a stop that is not on the tour', () => {
    spec.given([planned]).when(cancel('s1')).thenThrows(NotFound, 'stop-not-found');
  });

  it('refuses a stop of a cancelled tour', () => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00'), tourCancelled])
      .when(cancel('s1'))
      .thenThrows(RuleViolation, 'tour-cancelled');
  });
});

describe('CancelTour', () => {
  const cancel = { type: 'CancelTour' as const, tourId, reason: 'election code of conduct' };

  it('cancels a tour', () => {
    spec
      .given([planned, stopAdded('s1', '10:00', '12:00')])
      .when(cancel)
      .then([tourCancelled]);
  });

  it('refuses to cancel a cancelled tour', () => {
    spec.given([planned, tourCancelled]).when(cancel).thenThrows(RuleViolation, 'tour-cancelled');
  });

  it('refuses a tour that does not exist', () => {
    spec.given([]).when(cancel).thenThrows(NotFound, 'tour-not-found');
  });
});

describe('tourFacts', () => {
  const fold = (events: TourEvent[]) => events.reduce(tourDecider.evolve, tourDecider.initialState);

  it('knows nothing of a tour that does not exist', () => {
    expect(tourFacts(tourId, fold([]))).toBeUndefined();
  });

  it('gives the tour, whether it is cancelled, and its stops', () => {
    const facts = tourFacts(tourId, fold([planned, stopAdded('s1', '10:00', '12:00'), stopAdded('s2', '13:00', '14:00'), stopCancelled('s2'), tourCancelled]));
    expect(facts).toMatchObject({ kind: 'tour', id: tourId, cancelled: true });
    expect(facts?.stops.get('s1')?.cancelled).toBe(false);
    expect(facts?.stops.get('s2')?.cancelled).toBe(true);
  });
});
