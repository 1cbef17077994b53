import type { EndpointCase } from './endpointCase';
import { ist } from './fixtures';

/** The endpoint cases of the wings' work: duties (responsibilities) and tasks. */
export const WORK_ENDPOINT_CASES: Record<string, EndpointCase> = {
  AssignResponsibility: {
    arrange: async (f) => {
      await f.tour('e-assign');
      await f.stop('e-assign', 's1', 26, '11:00', '13:00');
    },
    path: '/programmes/e-assign/responsibilities',
    body: { id: 'e-r1', wing: 'adivasi', duty: 'crowd mobilisation', stopId: 's1', lead: 'Kawasi Lakhma' },
    status: 201,
    id: 'e-r1',
    stream: 'responsibility-e-r1',
    events: [
      {
        type: 'ResponsibilityAssigned',
        data: {
          responsibilityId: 'e-r1',
          programmeId: 'e-assign',
          programmeKind: 'tour',
          wing: 'adivasi',
          duty: 'crowd mobilisation',
          stopId: 's1',
          lead: 'Kawasi Lakhma',
        },
      },
    ],
  },
  AcknowledgeResponsibility: {
    arrange: async (f) => {
      await f.tour('e-ack');
      await f.responsibility('e-ack', 'e-r-ack', 'adivasi');
    },
    path: '/responsibilities/e-r-ack/acknowledge',
    body: {},
    as: 'adivasiLead',
    status: 200,
    id: 'e-r-ack',
    stream: 'responsibility-e-r-ack',
    events: [{ type: 'ResponsibilityAcknowledged', data: { responsibilityId: 'e-r-ack', programmeId: 'e-ack', wing: 'adivasi' } }],
  },
  ReassignResponsibility: {
    arrange: async (f) => {
      await f.meeting('e-reassign');
      await f.responsibility('e-reassign', 'e-r-re', 'adivasi');
    },
    path: '/responsibilities/e-r-re/reassign',
    body: { wing: 'youth' },
    status: 200,
    id: 'e-r-re',
    stream: 'responsibility-e-r-re',
    events: [{ type: 'ResponsibilityReassigned', data: { responsibilityId: 'e-r-re', programmeId: 'e-reassign', from: 'adivasi', wing: 'youth' } }],
  },
  CancelResponsibility: {
    arrange: async (f) => {
      await f.tour('e-rcancel');
      await f.responsibility('e-rcancel', 'e-r-c', 'mahila');
    },
    path: '/responsibilities/e-r-c/cancel',
    body: { reason: 'merged with another duty' },
    status: 200,
    id: 'e-r-c',
    stream: 'responsibility-e-r-c',
    events: [
      { type: 'ResponsibilityCancelled', data: { responsibilityId: 'e-r-c', programmeId: 'e-rcancel', wing: 'mahila', reason: 'merged with another duty' } },
    ],
  },
  LogTask: {
    arrange: async (f) => {
      await f.tour('e-log');
      await f.stop('e-log', 's1', 26, '11:00', '13:00');
      await f.responsibility('e-log', 'e-r-log', 'adivasi', { stopId: 's1' });
    },
    path: '/tasks',
    body: {
      id: 'e-t1',
      programmeId: 'e-log',
      stopId: 's1',
      responsibilityId: 'e-r-log',
      wing: 'adivasi',
      title: 'Book 40 buses',
      assignee: 'Netam',
      dueAt: ist(24, '18:00'),
    },
    as: 'adivasiLead',
    status: 201,
    id: 'e-t1',
    stream: 'task-e-t1',
    events: [
      {
        type: 'TaskLogged',
        data: {
          taskId: 'e-t1',
          programmeId: 'e-log',
          programmeKind: 'tour',
          stopId: 's1',
          responsibilityId: 'e-r-log',
          wing: 'adivasi',
          title: 'Book 40 buses',
          assignee: 'Netam',
          dueAt: '2018-06-24T12:30:00.000Z',
        },
      },
    ],
  },
  ChangeTaskStatus: {
    arrange: async (f) => {
      await f.tour('e-status');
      await f.task('e-status', 'e-t-status');
    },
    path: '/tasks/e-t-status/status',
    body: { status: 'in_progress', note: 'calling the depot' },
    as: 'adivasiOrganiser',
    status: 200,
    id: 'e-t-status',
    stream: 'task-e-t-status',
    events: [{ type: 'TaskStarted', data: { taskId: 'e-t-status', programmeId: 'e-status', wing: 'adivasi', from: 'todo', note: 'calling the depot' } }],
  },
  AssignTask: {
    arrange: async (f) => {
      await f.tour('e-tassign');
      await f.task('e-tassign', 'e-t-assign');
    },
    path: '/tasks/e-t-assign/assign',
    body: { assignee: 'Lakhma' },
    as: 'adivasiLead',
    status: 200,
    id: 'e-t-assign',
    stream: 'task-e-t-assign',
    events: [{ type: 'TaskAssigned', data: { taskId: 'e-t-assign', programmeId: 'e-tassign', wing: 'adivasi', assignee: 'Lakhma' } }],
  },
  ChangeTaskDue: {
    arrange: async (f) => {
      await f.tour('e-tdue');
      await f.task('e-tdue', 'e-t-due');
    },
    path: '/tasks/e-t-due/due',
    body: { dueAt: ist(25, '09:00') },
    as: 'adivasiOrganiser',
    status: 200,
    id: 'e-t-due',
    stream: 'task-e-t-due',
    events: [{ type: 'TaskDueChanged', data: { taskId: 'e-t-due', programmeId: 'e-tdue', wing: 'adivasi', dueAt: '2018-06-25T03:30:00.000Z' } }],
  },
  AddTaskNote: {
    arrange: async (f) => {
      await f.tour('e-tnote');
      await f.task('e-tnote', 'e-t-note');
    },
    path: '/tasks/e-t-note/notes',
    body: { text: '20 buses confirmed' },
    as: 'adivasiOrganiser',
    status: 200,
    id: 'e-t-note',
    stream: 'task-e-t-note',
    events: [{ type: 'TaskNoteAdded', data: { taskId: 'e-t-note', programmeId: 'e-tnote', wing: 'adivasi', text: '20 buses confirmed' } }],
  },
  CancelTask: {
    arrange: async (f) => {
      await f.tour('e-tcancel');
      await f.task('e-tcancel', 'e-t-cancel');
    },
    path: '/tasks/e-t-cancel/cancel',
    body: { reason: 'logged twice' },
    as: 'adivasiLead',
    status: 200,
    id: 'e-t-cancel',
    stream: 'task-e-t-cancel',
    events: [{ type: 'TaskCancelled', data: { taskId: 'e-t-cancel', programmeId: 'e-tcancel', wing: 'adivasi', reason: 'logged twice' } }],
  },
};
