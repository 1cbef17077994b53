import type { QueuedChange } from './QueuedChange';

/** Where the queue is kept: IndexedDB, so it outlives reloads and browser restarts. */
export interface QueueDb {
  all(): Promise<QueuedChange[]>;
  put(change: QueuedChange): Promise<void>;
  remove(key: string): Promise<void>;
}

const NAME = 'tayari';
const STORE = 'outbox';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

function open(): Promise<IDBDatabase> {
  const request = indexedDB.open(NAME, 1);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
  };
  return done(request);
}

/** A queue that lives only as long as the page: where IndexedDB is off (some private modes). */
function inMemory(): QueueDb {
  const held = new Map<string, QueuedChange>();
  return {
    all: async () => [...held.values()],
    put: async (change) => void held.set(change.key, change),
    remove: async (key) => void held.delete(key),
  };
}

export async function openQueueDb(): Promise<QueueDb> {
  let db: IDBDatabase;
  try {
    db = await open();
  } catch {
    return inMemory();
  }
  // A write counts once its transaction has committed: a reload right after must still find it.
  const write = (act: (store: IDBObjectStore) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  return {
    all: async () => (await done(db.transaction(STORE, 'readonly').objectStore(STORE).getAll())) as QueuedChange[],
    put: (change) => write((store) => store.put(change)),
    remove: (key) => write((store) => store.delete(key)),
  };
}
