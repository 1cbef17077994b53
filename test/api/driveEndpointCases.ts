import { keyringFrom } from '@tayari/shared/common/Keyring';
import { TEST_SECRET } from '../support/apiHarness';
import type { EndpointCase } from './endpointCase';
import type { Fixtures } from './fixtures';

const WINDOW = { startsAt: '2018-06-01T00:00:00.000Z', endsAt: '2018-07-01T00:00:00.000Z' };
const PHONE = '+919812345600';
/** The phone's stream: its HMAC under the test secret, as the server makes it. */
const phoneStream = (driveId: string) => `enrolment-${driveId}.${keyringFrom(TEST_SECRET).mac('enrolment-phone', `${driveId}:${PHONE}`)}`;
const drive = (f: Fixtures, id: string) => f.drive(id, { 'cg-bastar': 10 });
const enrolled = async (f: Fixtures, driveId: string) => {
  await drive(f, driveId);
  await f.enrolment(driveId, 'w1', PHONE);
};

/** The drive commands' cases for commands.endpoints.test.ts (see endpointCase.ts). */
export const DRIVE_ENDPOINT_CASES: Record<string, EndpointCase> = {
  LaunchDrive: {
    path: '/drives',
    body: { id: 'e-drive', title: 'Shakti', ...WINDOW, targets: { 'cg-bastar': 100 } },
    status: 201,
    id: 'e-drive',
    stream: 'drive-e-drive',
    events: [{ type: 'DriveLaunched', data: { driveId: 'e-drive', title: 'Shakti', ...WINDOW, targets: { 'cg-bastar': 100 } } }],
  },
  SetDriveTarget: {
    arrange: (f) => drive(f, 'e-target'),
    path: '/drives/e-target/targets',
    body: { unit: 'cg-raipur', target: 40 },
    status: 200,
    id: 'e-target',
    stream: 'drive-e-target',
    events: [{ type: 'DriveTargetSet', data: { driveId: 'e-target', unit: 'cg-raipur', target: 40 } }],
  },
  CloseDrive: {
    arrange: (f) => drive(f, 'e-close'),
    path: '/drives/e-close/close',
    body: {},
    status: 200,
    id: 'e-close',
    stream: 'drive-e-close',
    events: [{ type: 'DriveClosed', data: { driveId: 'e-close' } }],
  },
  EnrolWorker: {
    arrange: (f) => drive(f, 'e-enrol'),
    path: '/drives/e-enrol/enrolments',
    body: { id: 'w1', unit: 'cg-bastar', name: 'सुनीता नेताम', phone: '98123 45600', wing: 'adivasi', booth: '112', consent: true },
    status: 201,
    id: 'w1',
    stream: phoneStream('e-enrol'),
    also: ['enrolmentid-e-enrol.w1'],
    events: [
      { type: 'EnrolmentFiled', data: { driveId: 'e-enrol', enrolmentId: 'w1', phoneHash: expect.stringMatching(/^[\w-]{43}$/) } },
      {
        type: 'WorkerEnrolled',
        data: {
          driveId: 'e-enrol',
          enrolmentId: 'w1',
          unit: 'cg-bastar',
          wing: 'adivasi',
          booth: '112',
          phoneHash: expect.stringMatching(/^[\w-]{43}$/),
          keyId: expect.stringMatching(/^e-enrol\.w1\./),
          sealed: expect.stringMatching(/^v1\./),
        },
      },
    ],
  },
  ForgetEnrolment: {
    arrange: (f) => enrolled(f, 'e-forget'),
    path: '/drives/e-forget/enrolments/w1/forget',
    body: { reason: 'asked to be removed' },
    status: 200,
    id: 'w1',
    stream: phoneStream('e-forget'),
    events: [{ type: 'EnrolmentForgotten', data: { driveId: 'e-forget', enrolmentId: 'w1', reason: 'asked to be removed' } }],
  },
};
