import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { wingsDecider } from '../wings/decider';
import { addStop, at, context, place, planned, reschedule, spec, stopAdded, stopCancelled, stopRescheduled, tourCancelled, tourId } from './tourDeciderSpec';

/** The tour decider on stops: adding, rescheduling and cancelling them, and the rule that live stops of a tour do not overlap. */

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
