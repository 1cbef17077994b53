import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import type { ProgrammeFacts } from '../common/programme';
import { wingsDecider } from '../wings/decider';
import type { AssignResponsibility, ResponsibilityCommand } from './commands';
import { responsibilityDecider, type ResponsibilityContext } from './decider';
import { ResponsibilityEventSchema, type ResponsibilityEvent } from './events';

const tour: ProgrammeFacts = {
  kind: 'tour',
  id: 'bastar-2018',
  cancelled: false,
  stops: new Map([
    ['jagdalpur', { cancelled: false }],
    ['dantewada', { cancelled: true }],
  ]),
};
const meeting: ProgrammeFacts = { kind: 'meeting', id: 'raipur-review', cancelled: false, stops: new Map() };

const wings = wingsDecider.initialState;
const context: ResponsibilityContext = { wings, programme: tour };
const spec = deciderSpec(responsibilityDecider, { context, events: ResponsibilityEventSchema });

const responsibilityId = 'crowd-jagdalpur';
const programmeId = tour.id;
const assign: AssignResponsibility = {
  type: 'AssignResponsibility',
  responsibilityId,
  programmeId,
  wing: 'adivasi',
  duty: 'जगदलपुर सभा में भीड़ जुटाना',
  stopId: 'jagdalpur',
  lead: 'Manish Kunjam',
};
const assigned: ResponsibilityEvent = {
  type: 'ResponsibilityAssigned',
  data: { responsibilityId, programmeId, programmeKind: 'tour', wing: 'adivasi', duty: assign.duty, stopId: 'jagdalpur', lead: 'Manish Kunjam' },
};
const acknowledged = (wing: string): ResponsibilityEvent => ({ type: 'ResponsibilityAcknowledged', data: { responsibilityId, programmeId, wing } });
const reassigned = (from: string, wing: string): ResponsibilityEvent => ({
  type: 'ResponsibilityReassigned',
  data: { responsibilityId, programmeId, from, wing },
});
const cancelled: ResponsibilityEvent = { type: 'ResponsibilityCancelled', data: { responsibilityId, programmeId, wing: 'adivasi', reason: 'stop dropped' } };

const acknowledge: ResponsibilityCommand = { type: 'AcknowledgeResponsibility', responsibilityId };
const reassign = (wing: string): ResponsibilityCommand => ({ type: 'ReassignResponsibility', responsibilityId, wing });
const cancel: ResponsibilityCommand = { type: 'CancelResponsibility', responsibilityId, reason: 'stop dropped' };

describe('AssignResponsibility', () => {
  it('assigns a duty at a stop of a tour to a wing', () => {
    spec.given([]).when(assign).then([assigned]);
  });

  it('assigns a duty for a whole meeting', () => {
    spec
      .given([], { wings, programme: meeting })
      .when({ type: 'AssignResponsibility', responsibilityId, programmeId: meeting.id, wing: 'media', duty: 'press note' })
      .then([
        { type: 'ResponsibilityAssigned', data: { responsibilityId, programmeId: meeting.id, programmeKind: 'meeting', wing: 'media', duty: 'press note' } },
      ]);
  });

  it('refuses a programme that does not exist', () => {
    spec.given([], { wings }).when(assign).thenThrows(NotFound, 'programme-not-found');
  });

  it('refuses a cancelled programme', () => {
    spec
      .given([], { wings, programme: { ...tour, cancelled: true } })
      .when(assign)
      .thenThrows(RuleViolation, 'programme-cancelled');
  });

  it('refuses a stop that is not on the tour', () => {
    spec
      .given([])
      .when({ ...assign, stopId: 'bijapur' })
      .thenThrows(NotFound, 'stop-not-found');
  });

  it('refuses a stop for a meeting, which has none', () => {
    spec
      .given([], { wings, programme: meeting })
      .when({ ...assign, programmeId: meeting.id })
      .thenThrows(NotFound, 'stop-not-found');
  });

  it('refuses a cancelled stop', () => {
    spec
      .given([])
      .when({ ...assign, stopId: 'dantewada' })
      .thenThrows(RuleViolation, 'stop-cancelled');
  });

  it('refuses a wing that is not in the catalogue', () => {
    const error = spec
      .given([])
      .when({ ...assign, wing: 'no-such-wing' })
      .thenThrows(InvalidCommand, 'unknown-wing');
    expect(error.path).toEqual(['wing']);
  });

  it('refuses an id a responsibility already has', () => {
    spec.given([assigned]).when(assign).thenThrows(RuleViolation, 'id-taken');
  });
});

describe('AcknowledgeResponsibility', () => {
  it('records that the wing took the duty on', () => {
    spec
      .given([assigned])
      .when(acknowledge)
      .then([acknowledged('adivasi')]);
  });

  it('changes nothing when acknowledged twice', () => {
    spec
      .given([assigned, acknowledged('adivasi')])
      .when(acknowledge)
      .thenNothing();
  });

  it('asks the new wing to acknowledge after a reassignment', () => {
    spec
      .given([assigned, acknowledged('adivasi'), reassigned('adivasi', 'youth')])
      .when(acknowledge)
      .then([acknowledged('youth')]);
  });

  it('refuses a responsibility that does not exist', () => {
    spec.given([]).when(acknowledge).thenThrows(NotFound, 'responsibility-not-found');
  });
});

describe('ReassignResponsibility', () => {
  it('gives the duty to another wing', () => {
    spec
      .given([assigned])
      .when(reassign('youth'))
      .then([reassigned('adivasi', 'youth')]);
  });

  it('reassigns from the wing it was last given to', () => {
    spec
      .given([assigned, reassigned('adivasi', 'youth')])
      .when(reassign('nsui'))
      .then([reassigned('youth', 'nsui')]);
  });

  it('changes nothing when the wing is the same', () => {
    spec
      .given([assigned, acknowledged('adivasi')])
      .when(reassign('adivasi'))
      .thenNothing();
  });

  it('keeps the acknowledgement when reassigned to the same wing', () => {
    const before = [assigned, acknowledged('adivasi')];
    const decided = spec.given(before).when(reassign('adivasi')).then([]);
    spec
      .given([...before, ...decided])
      .when(acknowledge)
      .thenNothing();
  });

  it('refuses a wing that is not in the catalogue', () => {
    const error = spec.given([assigned]).when(reassign('no-such-wing')).thenThrows(InvalidCommand, 'unknown-wing');
    expect(error.path).toEqual(['wing']);
  });

  it('refuses a responsibility that does not exist', () => {
    spec.given([]).when(reassign('youth')).thenThrows(NotFound, 'responsibility-not-found');
  });
});

describe('CancelResponsibility', () => {
  it('cancels a responsibility', () => {
    spec.given([assigned]).when(cancel).then([cancelled]);
  });

  it('names the wing it was last given to', () => {
    spec
      .given([assigned, reassigned('adivasi', 'youth')])
      .when(cancel)
      .then([{ type: 'ResponsibilityCancelled', data: { responsibilityId, programmeId, wing: 'youth', reason: 'stop dropped' } }]);
  });

  it('refuses a responsibility that does not exist', () => {
    spec.given([]).when(cancel).thenThrows(NotFound, 'responsibility-not-found');
  });
});

describe('a cancelled responsibility changes no more', () => {
  it.each<[string, ResponsibilityCommand]>([
    ['acknowledge', acknowledge],
    ['reassign', reassign('youth')],
    ['reassign to an unknown wing', reassign('no-such-wing')],
    ['cancel', cancel],
  ])('refuses %s', (_name, command) => {
    spec.given([assigned, cancelled]).when(command).thenThrows(RuleViolation, 'responsibility-cancelled');
  });

  it('keeps its id taken', () => {
    spec.given([assigned, cancelled]).when(assign).thenThrows(RuleViolation, 'id-taken');
  });
});

describe('nothing more changes on a cancelled programme or stop', () => {
  const changes: [string, ResponsibilityCommand][] = [
    ['acknowledge', acknowledge],
    ['reassign', reassign('youth')],
    ['reassign to the same wing', reassign('adivasi')],
    ['cancel', cancel],
  ];

  it.each(changes)('refuses %s once the programme is cancelled', (_name, command) => {
    spec
      .given([assigned], { wings, programme: { ...tour, cancelled: true } })
      .when(command)
      .thenThrows(RuleViolation, 'programme-cancelled');
  });

  it.each(changes)('refuses %s once its stop is cancelled', (_name, command) => {
    const programme = { ...tour, stops: new Map([['jagdalpur', { cancelled: true }]]) };
    spec.given([assigned], { wings, programme }).when(command).thenThrows(RuleViolation, 'stop-cancelled');
  });

  it('refuses a duty of a cancelled meeting', () => {
    const onMeeting: ResponsibilityEvent = {
      type: 'ResponsibilityAssigned',
      data: { responsibilityId, programmeId: meeting.id, programmeKind: 'meeting', wing: 'adivasi', duty: 'chairs' },
    };
    spec
      .given([onMeeting], { wings, programme: { ...meeting, cancelled: true } })
      .when(acknowledge)
      .thenThrows(RuleViolation, 'programme-cancelled');
  });
});
