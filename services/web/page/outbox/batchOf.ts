import type { BatchRequest } from '@tayari/shared/contract/batchRequest';
import type { QueuedChange } from './QueuedChange';

/** The queue as one `POST /api/commands/batch` body, in the order the person acted (SPEC v2, "the field"). */
export function batchOf(changes: readonly QueuedChange[]): BatchRequest {
  return {
    commands: changes.map((change) => ({
      method: 'POST' as const,
      path: change.path,
      body: change.body,
      idempotencyKey: change.key,
      ...(change.ifMatch === undefined ? {} : { ifMatch: `"${change.ifMatch}"` }),
    })),
  };
}
