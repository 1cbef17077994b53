import type { PersonName } from '../support/apiHarness';
import type { Fixtures } from './fixtures';

/**
 * One command endpoint's case for commands.endpoints.test.ts: what it needs, what it sends, and the
 * answer and exactly the events (type, data, stream) it must append. The cases are in
 * planningEndpointCases.ts and workEndpointCases.ts.
 */
export interface EndpointCase {
  /** Builds what the command needs, through the API. */
  arrange?: (f: Fixtures) => Promise<unknown>;
  path: string;
  body: object;
  as?: PersonName;
  status: 200 | 201;
  /** The id the answer names. */
  id: string;
  stream: string;
  /** Other streams it appends to first (a proposal files its nomination's link stream). */
  also?: string[];
  events: { type: string; data: unknown }[];
  /** The types of what its follow-ups append afterwards, in other streams (a checklist's tasks). */
  followUps?: string[];
}
