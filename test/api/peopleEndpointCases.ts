import { people } from '../support/apiHarness';
import type { EndpointCase } from './endpointCase';

/** The people commands' cases for commands.endpoints.test.ts (see endpointCase.ts). */
export const PEOPLE_ENDPOINT_CASES: Record<string, EndpointCase> = {
  AddPerson: {
    path: '/people',
    body: { id: 'e-person', name: 'सुनीता नेताम', phone: '098123 45678', role: 'organiser', wing: 'adivasi' },
    status: 201,
    id: 'e-person',
    stream: 'person-e-person',
    events: [{ type: 'PersonAdded', data: { personId: 'e-person', name: 'सुनीता नेताम', phone: '+919812345678', role: 'organiser', wing: 'adivasi' } }],
  },
  ChangeRole: {
    arrange: (f) => f.person('e-role'),
    path: '/people/e-role/role',
    body: { role: 'wing-lead', wing: 'adivasi', unit: 'cg-bastar' },
    status: 200,
    id: 'e-role',
    stream: 'person-e-role',
    events: [{ type: 'RoleChanged', data: { personId: 'e-role', role: 'wing-lead', wing: 'adivasi', unit: 'cg-bastar' } }],
  },
  IssueInvitation: {
    arrange: (f) => f.person('e-invite'),
    path: '/people/e-invite/invite',
    body: {},
    status: 201,
    // The invitation's id is made by the service; the answer names it.
    id: expect.any(String) as unknown as string,
    stream: 'person-e-invite',
    events: [
      {
        type: 'InvitationIssued',
        data: {
          personId: 'e-invite',
          invitationId: expect.any(String),
          // Only a hash of the code is kept.
          codeHash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          invitedBy: people.incharge.name,
        },
      },
    ],
  },
  RevokeAccess: {
    arrange: (f) => f.person('e-revoke'),
    path: '/people/e-revoke/revoke',
    body: { reason: 'left the party' },
    status: 200,
    id: 'e-revoke',
    stream: 'person-e-revoke',
    events: [{ type: 'AccessRevoked', data: { personId: 'e-revoke', reason: 'left the party' } }],
  },
};
