import { NotFound, RuleViolation } from '../common/errors';
import { tourDecider, tourFacts } from './decider';
import type { TourEvent } from './events';
import { context, planned, spec, stopAdded, stopCancelled, tourCancelled, tourId } from './tourDeciderSpec';

/** The tour decider on the tour itself: planning, cancelling, and the facts it gives other deciders (stops: decider.stops.test.ts). */

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
