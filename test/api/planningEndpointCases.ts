import type { EndpointCase } from './endpointCase';
import { ist } from './fixtures';

/** The endpoint cases of the in-charge's planning commands: tours, meetings, and the wing and unit catalogues. */
export const PLANNING_ENDPOINT_CASES: Record<string, EndpointCase> = {
  PlanTour: {
    path: '/tours',
    body: { id: 'e-plan', title: 'Bastar tour', leader: 'Rahul Gandhi', region: 'Bastar', notes: 'two days' },
    status: 201,
    id: 'e-plan',
    stream: 'tour-e-plan',
    events: [{ type: 'TourPlanned', data: { tourId: 'e-plan', title: 'Bastar tour', leader: 'Rahul Gandhi', region: 'Bastar', notes: 'two days' } }],
  },
  AddStop: {
    arrange: (f) => f.tour('e-stop'),
    path: '/tours/e-stop/stops',
    body: {
      stopId: 's1',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Lalbagh ground',
      startsAt: ist(26, '11:00'),
      endsAt: ist(26, '13:00'),
      hostWing: 'adivasi',
    },
    status: 201,
    id: 's1',
    stream: 'tour-e-stop',
    events: [
      {
        type: 'StopAdded',
        data: {
          tourId: 'e-stop',
          stopId: 's1',
          place: 'Jagdalpur',
          district: 'Bastar',
          venue: 'Lalbagh ground',
          startsAt: '2018-06-26T05:30:00.000Z',
          endsAt: '2018-06-26T07:30:00.000Z',
          hostWing: 'adivasi',
        },
      },
    ],
  },
  RescheduleStop: {
    arrange: async (f) => {
      await f.tour('e-resched');
      await f.stop('e-resched', 's1', 26, '11:00', '13:00');
    },
    path: '/tours/e-resched/stops/s1/reschedule',
    body: { startsAt: ist(26, '15:00'), endsAt: ist(26, '17:00') },
    status: 200,
    id: 's1',
    stream: 'tour-e-resched',
    events: [
      { type: 'StopRescheduled', data: { tourId: 'e-resched', stopId: 's1', startsAt: '2018-06-26T09:30:00.000Z', endsAt: '2018-06-26T11:30:00.000Z' } },
    ],
  },
  CancelStop: {
    arrange: async (f) => {
      await f.tour('e-cstop');
      await f.stop('e-cstop', 's1', 26, '11:00', '13:00');
    },
    path: '/tours/e-cstop/stops/s1/cancel',
    body: { reason: 'heavy rain' },
    status: 200,
    id: 's1',
    stream: 'tour-e-cstop',
    events: [{ type: 'StopCancelled', data: { tourId: 'e-cstop', stopId: 's1', reason: 'heavy rain' } }],
  },
  CancelTour: {
    arrange: (f) => f.tour('e-ctour'),
    path: '/tours/e-ctour/cancel',
    body: { reason: 'postponed' },
    status: 200,
    id: 'e-ctour',
    stream: 'tour-e-ctour',
    events: [{ type: 'TourCancelled', data: { tourId: 'e-ctour', reason: 'postponed' } }],
  },
  ScheduleMeeting: {
    path: '/meetings',
    body: {
      id: 'e-meet',
      title: 'Review',
      venue: 'Rajiv Bhawan',
      startsAt: ist(20, '10:00'),
      endsAt: ist(20, '12:00'),
      chairs: ['Mohan Markam', 'PL Punia'],
      agenda: ['booths', 'media'],
    },
    status: 201,
    id: 'e-meet',
    stream: 'meeting-e-meet',
    events: [
      {
        type: 'MeetingScheduled',
        data: {
          meetingId: 'e-meet',
          title: 'Review',
          venue: 'Rajiv Bhawan',
          startsAt: '2018-06-20T04:30:00.000Z',
          endsAt: '2018-06-20T06:30:00.000Z',
          chairs: ['Mohan Markam', 'PL Punia'],
          agenda: ['booths', 'media'],
        },
      },
    ],
  },
  RescheduleMeeting: {
    arrange: (f) => f.meeting('e-rmeet'),
    path: '/meetings/e-rmeet/reschedule',
    body: { startsAt: ist(21, '16:00'), endsAt: ist(21, '18:00'), venue: 'Congress Bhawan' },
    status: 200,
    id: 'e-rmeet',
    stream: 'meeting-e-rmeet',
    events: [
      {
        type: 'MeetingRescheduled',
        data: { meetingId: 'e-rmeet', startsAt: '2018-06-21T10:30:00.000Z', endsAt: '2018-06-21T12:30:00.000Z', venue: 'Congress Bhawan' },
      },
    ],
  },
  CancelMeeting: {
    arrange: (f) => f.meeting('e-cmeet'),
    path: '/meetings/e-cmeet/cancel',
    body: { reason: 'clash with the rally' },
    status: 200,
    id: 'e-cmeet',
    stream: 'meeting-e-cmeet',
    events: [{ type: 'MeetingCancelled', data: { meetingId: 'e-cmeet', reason: 'clash with the rally' } }],
  },
  RecordMinutes: {
    arrange: (f) => f.meeting('e-minutes'),
    path: '/meetings/e-minutes/minutes',
    body: { decisions: ['booth committees by 30 June', 'one rally per district'], attendance: 48 },
    status: 200,
    id: 'e-minutes',
    stream: 'meeting-e-minutes',
    events: [
      { type: 'MinutesRecorded', data: { meetingId: 'e-minutes', decisions: ['booth committees by 30 June', 'one rally per district'], attendance: 48 } },
    ],
  },
  RegisterWing: {
    path: '/wings',
    body: { code: 'lawyers', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' },
    status: 201,
    id: 'lawyers',
    stream: 'wings-catalogue',
    events: [{ type: 'WingRegistered', data: { code: 'lawyers', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' } }],
  },
  RegisterUnit: {
    path: '/units',
    body: { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' }, kind: 'block', parent: 'cg-bastar' },
    status: 201,
    id: 'cg-bastar-jagdalpur',
    stream: 'units-catalogue',
    events: [
      { type: 'UnitRegistered', data: { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' }, kind: 'block', parent: 'cg-bastar' } },
    ],
  },
};
