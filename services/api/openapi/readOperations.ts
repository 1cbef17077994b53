import { z } from 'zod';
import {
  AttentionQuery,
  BoardQuery,
  EnrolmentsQuery,
  HistoryQuery,
  PeopleQuery,
  PlainQuery,
  PostsBoardQuery,
  ProgrammeHistoryQuery,
  ProgrammeListQuery,
  ReadinessQuery,
  WingBoardQuery,
} from '../reads/querySchemas';

interface ReadOperation {
  path: string;
  operationId: string;
  summary: string;
  query: z.ZodType;
  /** Open to everyone (no token). */
  open?: boolean;
}

/** The GET endpoints of SPEC.md "Reads"; their query parameters come from the schemas that parse them. */
export const READ_OPERATIONS: readonly ReadOperation[] = [
  { path: '/api/health', operationId: 'health', summary: 'Store kinds, the position and each projection’s position', query: z.strictObject({}), open: true },
  { path: '/api/wings', operationId: 'listWings', summary: 'The wing catalogue', query: PlainQuery },
  {
    path: '/api/units',
    operationId: 'unitTree',
    summary: 'The organisation units as a tree: the state, its districts, their blocks and cities',
    query: PlainQuery,
  },
  { path: '/api/people', operationId: 'directory', summary: 'The people of the deployment by name; phones only for in-charges', query: PeopleQuery },
  {
    path: '/api/me',
    operationId: 'me',
    summary: 'The person this token speaks for: role, wing, unit, sign-in state, and their open tasks',
    query: PlainQuery,
  },
  {
    path: '/api/boards/mine',
    operationId: 'mineBoard',
    summary: 'The caller’s own tasks (assigned to them as a person) across live programmes: overdue first, then by due time, done last',
    query: PlainQuery,
  },
  { path: '/api/templates', operationId: 'templates', summary: 'The checklist templates, each at its current version', query: PlainQuery },
  { path: '/api/programmes', operationId: 'listProgrammes', summary: 'Programmes in time order with their readiness', query: ProgrammeListQuery },
  { path: '/api/programmes/{id}', operationId: 'getProgramme', summary: 'A tour (with stops) or a meeting, its version and ETag', query: PlainQuery },
  {
    path: '/api/programmes/{id}/history',
    operationId: 'programmeHistory',
    summary:
      "The programme's events and those of its duties and tasks, by position: oldest first (`after`, `next` → `after`), or newest first with `order=desc` (`before`, `next` → `before`)",
    query: ProgrammeHistoryQuery,
  },
  {
    path: '/api/boards/programme/{id}',
    operationId: 'programmeBoard',
    summary: 'The task board: cards and responsibilities keyed by id, readiness; filters narrow the cards',
    query: BoardQuery,
  },
  {
    path: '/api/boards/readiness',
    operationId: 'readinessBoard',
    summary: 'Every programme that has not ended, by start time, with readiness; `unit` keeps that unit and the units under it',
    query: ReadinessQuery,
  },
  {
    path: '/api/boards/attention',
    operationId: 'attentionBoard',
    summary: 'What needs an in-charge now: at-risk programmes, overdue and blocked work, unacknowledged duties, wings ranked',
    query: AttentionQuery,
  },
  {
    path: '/api/boards/wing/{wing}',
    operationId: 'wingBoard',
    summary: "One wing's duties and tasks across programmes, keyed by id, with readiness; filters narrow the cards, `unit` the programmes",
    query: WingBoardQuery,
  },
  {
    path: '/api/boards/posts',
    operationId: 'postsBoard',
    summary: 'Posts with their nominations by stage, vacancies first; `unit` keeps that unit and the units under it, `wing` one wing, `stage` those stages',
    query: PostsBoardQuery,
  },
  { path: '/api/posts/{id}/history', operationId: 'postHistory', summary: "The post's events and its nominations', by position", query: HistoryQuery },
  { path: '/api/drives', operationId: 'driveList', summary: 'Every drive with its total against target, the latest start first', query: PlainQuery },
  {
    path: '/api/drives/{id}/board',
    operationId: 'driveBoard',
    summary: 'A drive’s counts: total against target, by unit (ranked), top 20 enrollers, per day; live as drive:<id>',
    query: PlainQuery,
  },
  {
    path: '/api/drives/{id}/enrolments',
    operationId: 'driveEnrolments',
    summary: 'A drive’s enrolments with names and phones (in-charges only; forgotten ones without them), in order; `limit` pages them (`next` → `after`)',
    query: EnrolmentsQuery,
  },
];

/** Query parameters of one read, from the properties of its (object) schema. */
export function queryParameters(query: z.ZodType) {
  const schema = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s }));
}
