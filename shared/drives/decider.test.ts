import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { unitsDecider } from '../units/decider';
import { wingsDecider } from '../wings/decider';
import type { EnrolWorker } from './commands';
import { driveDecider, type DriveState } from './decider';
import { enrolmentDecider, enrolmentLinkDecider } from './enrolmentDecider';
import { DriveEventSchema, EnrolmentEventSchema, EnrolmentLinkEventSchema, type DriveEvent, type EnrolmentEvent } from './events';

const units = unitsDecider.initialState;
const wings = wingsDecider.initialState;
const driveId = 'shakti-2018';
const launched: DriveEvent = {
  type: 'DriveLaunched',
  data: { driveId, title: 'Shakti 2018', startsAt: '2018-06-01T00:00:00.000Z', endsAt: '2018-07-01T00:00:00.000Z', targets: { 'cg-bastar': 100 } },
};
const drives = deciderSpec(driveDecider, { context: { units }, events: DriveEventSchema });

describe('drive', () => {
  it('launches once, with targets of districts and below only', () => {
    const { type: _t, ...data } = launched;
    drives
      .given([])
      .when({ type: 'LaunchDrive', ...data.data })
      .then([launched]);
    drives
      .given([launched])
      .when({ type: 'LaunchDrive', ...data.data })
      .thenThrows(RuleViolation, 'drive-id-taken');
    drives
      .given([])
      .when({ type: 'LaunchDrive', ...data.data, targets: { cg: 5 } })
      .thenThrows(InvalidCommand, 'unit-not-district');
    drives
      .given([])
      .when({ type: 'LaunchDrive', ...data.data, targets: { nowhere: 5 } })
      .thenThrows(InvalidCommand, 'unknown-unit');
  });

  it('sets a target of an existing, open drive; the same target again changes nothing', () => {
    const set: DriveEvent = { type: 'DriveTargetSet', data: { driveId, unit: 'cg-raipur', target: 40 } };
    drives.given([launched]).when({ type: 'SetDriveTarget', driveId, unit: 'cg-raipur', target: 40 }).then([set]);
    drives.given([launched, set]).when({ type: 'SetDriveTarget', driveId, unit: 'cg-raipur', target: 40 }).thenNothing();
    drives.given([]).when({ type: 'SetDriveTarget', driveId, unit: 'cg-raipur', target: 40 }).thenThrows(NotFound, 'drive-not-found');
    drives.given([launched]).when({ type: 'SetDriveTarget', driveId, unit: 'cg', target: 40 }).thenThrows(InvalidCommand, 'unit-not-district');
    const closed: DriveEvent = { type: 'DriveClosed', data: { driveId } };
    drives.given([launched, closed]).when({ type: 'SetDriveTarget', driveId, unit: 'cg-raipur', target: 40 }).thenThrows(RuleViolation, 'drive-closed');
  });

  it('closes once', () => {
    const closed: DriveEvent = { type: 'DriveClosed', data: { driveId } };
    drives.given([launched]).when({ type: 'CloseDrive', driveId }).then([closed]);
    drives.given([launched, closed]).when({ type: 'CloseDrive', driveId }).thenNothing();
    drives.given([]).when({ type: 'CloseDrive', driveId }).thenThrows(NotFound, 'drive-not-found');
  });
});

const open: DriveState = driveDecider.evolve(undefined, launched);
const enrolments = deciderSpec(enrolmentDecider, { context: { drive: { state: open }, units, wings }, events: EnrolmentEventSchema });
const hash = 'h'.repeat(43);
const enrol = (over: Partial<EnrolWorker> = {}): EnrolWorker => ({
  type: 'EnrolWorker',
  at: '2018-06-10T10:00:00.000Z',
  driveId,
  enrolmentId: 'e1',
  unit: 'cg-bastar',
  wing: 'adivasi',
  phoneHash: hash,
  keyId: 'shakti-2018.e1.k1',
  sealed: `v1.${'a'.repeat(16)}.${'b'.repeat(22)}.cipher`,
  ...over,
});
const enrolled = (enrolmentId = 'e1'): EnrolmentEvent => {
  const { type: _t, at: _at, ...data } = enrol({ enrolmentId });
  return { type: 'WorkerEnrolled', data };
};

describe('enrolment', () => {
  it('enrols a phone once per drive; the second names the first enrolment', () => {
    enrolments.given([]).when(enrol()).then([enrolled()]);
    const refused = enrolments
      .given([enrolled()])
      .when(enrol({ enrolmentId: 'e2' }))
      .thenThrows(RuleViolation, 'duplicate-enrolment');
    expect(refused.message).toContain('e1');
    enrolments
      .given([enrolled(), { type: 'EnrolmentForgotten', data: { driveId, enrolmentId: 'e1', reason: 'asked' } }])
      .when(enrol({ enrolmentId: 'e2' }))
      .thenThrows(RuleViolation, 'duplicate-enrolment');
  });

  it('enrols only within the window of an open drive that exists', () => {
    enrolments
      .given([])
      .when(enrol({ at: '2018-05-31T23:59:59.999Z' }))
      .thenThrows(RuleViolation, 'drive-not-open');
    enrolments
      .given([])
      .when(enrol({ at: '2018-07-01T00:00:00.000Z' }))
      .thenThrows(RuleViolation, 'drive-not-open');
    enrolments
      .given([])
      .when(enrol({ at: '2018-06-30T23:59:59.999Z' }))
      .then([enrolled()]);
    const closed = driveDecider.evolve(open, { type: 'DriveClosed', data: { driveId } });
    enrolments
      .given([], { drive: { state: closed }, units, wings })
      .when(enrol())
      .thenThrows(RuleViolation, 'drive-closed');
    enrolments
      .given([], { drive: { state: undefined }, units, wings })
      .when(enrol())
      .thenThrows(NotFound, 'drive-not-found');
  });

  it('enrols in a district or below that has a target, of a known wing', () => {
    enrolments
      .given([])
      .when(enrol({ unit: 'cg-raipur' }))
      .thenThrows(RuleViolation, 'unit-without-target');
    enrolments
      .given([])
      .when(enrol({ unit: 'cg' }))
      .thenThrows(InvalidCommand, 'unit-not-district');
    enrolments
      .given([])
      .when(enrol({ unit: 'nowhere' }))
      .thenThrows(InvalidCommand, 'unknown-unit');
    enrolments
      .given([])
      .when(enrol({ wing: 'nowhere' }))
      .thenThrows(InvalidCommand, 'unknown-wing');
  });

  it('forgets an enrolment of this phone once; another id is not found', () => {
    const forget = { type: 'ForgetEnrolment' as const, driveId, enrolmentId: 'e1', reason: 'asked to be removed' };
    const forgotten: EnrolmentEvent = { type: 'EnrolmentForgotten', data: { driveId, enrolmentId: 'e1', reason: 'asked to be removed' } };
    enrolments.given([enrolled()]).when(forget).then([forgotten]);
    enrolments.given([enrolled(), forgotten]).when(forget).thenNothing();
    enrolments.given([]).when(forget).thenThrows(NotFound, 'enrolment-not-found');
    enrolments
      .given([enrolled('e9')])
      .when(forget)
      .thenThrows(NotFound, 'enrolment-not-found');
    expect(enrolmentDecider.evolve(enrolmentDecider.evolve(undefined, enrolled()), forgotten)).toEqual({
      enrolmentId: 'e1',
      keyId: 'shakti-2018.e1.k1',
      unit: 'cg-bastar',
      forgotten: true,
    });
  });
});

describe('enrolment id link', () => {
  const links = deciderSpec(enrolmentLinkDecider, { events: EnrolmentLinkEventSchema });
  const file = { type: 'FileEnrolment' as const, driveId, enrolmentId: 'e1', phoneHash: hash };
  it('files an id for one phone; the same phone again changes nothing; another phone is refused', () => {
    links
      .given([])
      .when(file)
      .then([{ type: 'EnrolmentFiled', data: { driveId, enrolmentId: 'e1', phoneHash: hash } }]);
    links
      .given([{ type: 'EnrolmentFiled', data: { driveId, enrolmentId: 'e1', phoneHash: hash } }])
      .when(file)
      .thenNothing();
    links
      .given([{ type: 'EnrolmentFiled', data: { driveId, enrolmentId: 'e1', phoneHash: 'x'.repeat(43) } }])
      .when(file)
      .thenThrows(RuleViolation, 'enrolment-id-taken');
  });
});
