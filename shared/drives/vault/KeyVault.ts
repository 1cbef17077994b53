/**
 * Where enrolment keys live: outside the events, so that deleting one (forget) makes its sealed data
 * unreadable wherever the events were copied (crypto-shredding). Ids are random per enrolment attempt.
 */
export interface KeyVault {
  readonly kind: string;
  /** Stores a new random 256-bit key under `id`; when `id` has a key already, answers that one. */
  create(id: string): Promise<Buffer>;
  /** The keys of those ids that still have one. */
  get(ids: readonly string[]): Promise<ReadonlyMap<string, Buffer>>;
  /** Deletes the key for good; an id without one is fine (forget is retried). */
  delete(id: string): Promise<void>;
  close(): Promise<void>;
}

/** For processes that hold no key store: commands that seal or open personal data are refused loudly. */
export const noVault: KeyVault = {
  kind: 'none',
  create: () => Promise.reject(new Error('this process has no key store: enrolments need one')),
  get: () => Promise.reject(new Error('this process has no key store: enrolments need one')),
  delete: () => Promise.reject(new Error('this process has no key store: enrolments need one')),
  close: () => Promise.resolve(),
};
