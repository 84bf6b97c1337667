// The waiting saves in IndexedDB (database peta-isian, store antrean, key area|period): they survive a reload and a
// closed tab, and are sent when the connection returns (IsianPage: the online event and a retry timer).
import type { QueuedSave } from './entry-queue.ts';

const DB = 'peta-isian';
const STORE = 'antrean';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const entryStore = {
  all: () => run<QueuedSave[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedSave[]>),
  get: (key: string) =>
    run<QueuedSave | undefined>('readonly', (s) => s.get(key) as IDBRequest<QueuedSave | undefined>),
  put: (save: QueuedSave) => run('readwrite', (s) => s.put(save)),
  remove: (key: string) => run('readwrite', (s) => s.delete(key)),
};
