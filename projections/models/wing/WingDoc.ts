import { z } from 'zod';

/**
 * One wing's live work in one programme: the ids of its live responsibilities and tasks there (the
 * cards themselves live in the programme document, one copy of each fact). A wing's board is the
 * union of its documents. Kept per programme so that a document stays small however long the wing
 * works (a single document per wing grew with every task ever logged and was copied on each change),
 * and removed once empty; a reassigned responsibility moves from one wing's document to the other's.
 */
export const WingDocSchema = z.strictObject({
  code: z.string(),
  programmeId: z.string(),
  /** The last global position that changed this document. */
  position: z.string().optional(),
  responsibilities: z.array(z.string()),
  tasks: z.array(z.string()),
});
export type WingDoc = z.infer<typeof WingDocSchema>;

export function emptyWingDoc(code: string, programmeId: string): WingDoc {
  return { code, programmeId, responsibilities: [], tasks: [] };
}

/** The read-store id of a wing document (wing codes cannot contain ':'). */
export function wingDocId(code: string, programmeId: string): string {
  return `${code}:${programmeId}`;
}

export function isEmptyWingDoc(doc: WingDoc): boolean {
  return doc.responsibilities.length === 0 && doc.tasks.length === 0;
}
