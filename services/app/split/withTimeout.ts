import { StoreUnavailable } from '@tayari/shared/common/errors';

/**
 * Rejects with StoreUnavailable when `operation` has not settled within `ms`: a server that accepts
 * connections but never answers must still fail a health check in time. The operation itself is not
 * cancelled; its late outcome is ignored.
 */
export function withTimeout<T>(operation: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StoreUnavailable(`${what} did not answer within ${ms} ms`)), ms);
    operation.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
