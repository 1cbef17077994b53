import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { cancelled, context, log, logged, meeting, responsibility, spec, taskId, tour, wings } from './taskDeciderSpec';

/** The task decider logging a task: where it may be logged (programme, stop, duty, wing) and under which id. */

describe('LogTask', () => {
  it('logs a task at a stop under a responsibility', () => {
    spec.given([]).when(log).then([logged]);
  });

  it('logs a task of a meeting', () => {
    spec
      .given([], { wings, programme: meeting })
      .when({ type: 'LogTask', taskId, programmeId: meeting.id, wing: 'media', title: 'press note' })
      .then([{ type: 'TaskLogged', data: { taskId, programmeId: meeting.id, programmeKind: 'meeting', wing: 'media', title: 'press note' } }]);
  });

  it('refuses a programme that does not exist', () => {
    spec.given([], { wings }).when(log).thenThrows(NotFound, 'programme-not-found');
  });

  it('refuses a cancelled programme', () => {
    spec
      .given([], { ...context, programme: { ...tour, cancelled: true } })
      .when(log)
      .thenThrows(RuleViolation, 'programme-cancelled');
  });

  it('refuses a stop that is not on the tour', () => {
    spec
      .given([])
      .when({ ...log, stopId: 'bijapur' })
      .thenThrows(NotFound, 'stop-not-found');
  });

  it('refuses a cancelled stop', () => {
    spec
      .given([])
      .when({ ...log, stopId: 'dantewada' })
      .thenThrows(RuleViolation, 'stop-cancelled');
  });

  it('refuses a responsibility that does not exist', () => {
    spec
      .given([], { wings, programme: tour, responsibility: { exists: false } })
      .when(log)
      .thenThrows(NotFound, 'responsibility-not-found');
  });

  it('refuses a responsibility of another programme', () => {
    spec
      .given([], { ...context, responsibility: { ...responsibility, programmeId: 'raipur-review' } })
      .when(log)
      .thenThrows(NotFound, 'responsibility-not-found');
  });

  it('refuses a cancelled responsibility', () => {
    spec
      .given([], { ...context, responsibility: { ...responsibility, cancelled: true } })
      .when(log)
      .thenThrows(RuleViolation, 'responsibility-cancelled');
  });

  it('refuses a wing that is not in the catalogue', () => {
    const error = spec
      .given([])
      .when({ ...log, wing: 'no-such-wing' })
      .thenThrows(InvalidCommand, 'unknown-wing');
    expect(error.path).toEqual(['wing']);
  });

  it('refuses an id a task already has', () => {
    spec.given([logged]).when(log).thenThrows(RuleViolation, 'id-taken');
  });

  it('refuses the id of a cancelled task', () => {
    spec.given([logged, cancelled]).when(log).thenThrows(RuleViolation, 'id-taken');
  });
});
