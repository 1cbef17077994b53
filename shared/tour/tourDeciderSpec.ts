import { deciderSpec } from '../common/deciderSpec';
import { wingsDecider } from '../wings/decider';
import type { AddStop, RescheduleStop } from './commands';
import { tourDecider, type TourContext } from './decider';
import { TourEventSchema, type TourEvent } from './events';

/** The tour decider's spec, and the events and commands of one tour the decider.*.test.ts files are told in. */
export const context: TourContext = { wings: wingsDecider.initialState, programmeIdTaken: false };
export const spec = deciderSpec(tourDecider, { context, events: TourEventSchema });

export const tourId = 'bastar-2018';
/** 26 June 2018 at hh:mm UTC, as InstantSchema normalises it. */
export const at = (hhmm: string) => `2018-06-26T${hhmm}:00.000Z`;

export const planned: TourEvent = { type: 'TourPlanned', data: { tourId, title: 'बस्तर परिवर्तन यात्रा', leader: 'Rahul Gandhi' } };
export const place = { place: 'जगदलपुर', district: 'Bastar', venue: 'Lalbagh ground' };
export const stopAdded = (stopId: string, from: string, to: string): TourEvent => ({
  type: 'StopAdded',
  data: { tourId, stopId, ...place, startsAt: at(from), endsAt: at(to) },
});
export const stopRescheduled = (stopId: string, from: string, to: string): TourEvent => ({
  type: 'StopRescheduled',
  data: { tourId, stopId, startsAt: at(from), endsAt: at(to) },
});
export const stopCancelled = (stopId: string): TourEvent => ({ type: 'StopCancelled', data: { tourId, stopId, reason: 'rain' } });
export const tourCancelled: TourEvent = { type: 'TourCancelled', data: { tourId, reason: 'election code of conduct' } };

export const addStop = (stopId: string, from: string, to: string): AddStop => ({
  type: 'AddStop',
  tourId,
  stopId,
  ...place,
  startsAt: at(from),
  endsAt: at(to),
});
export const reschedule = (stopId: string, from: string, to: string): RescheduleStop => ({
  type: 'RescheduleStop',
  tourId,
  stopId,
  startsAt: at(from),
  endsAt: at(to),
});
