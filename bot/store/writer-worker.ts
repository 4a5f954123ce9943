/**
 * The background writer's thread (see writer.ts): its own connection to the database; the requests that
 * arrive while it is busy are committed in one transaction (group commit), then each is answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from './index.js';
import { runDirect, type WriteReply, type WriteRequest } from './writer.js';

const port = parentPort;
if (port === null) throw new Error('writer-worker.js runs as a worker thread');

const data = workerData as { dataDir: string; replicaId: string };
// the same replica id as the main connection: what this thread records belongs to its process
const store = Store.open(data.dataDir, undefined, data.replicaId);
let queue: WriteRequest[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  const replies: WriteReply[] = [];
  const one = (req: WriteRequest) => {
    try {
      replies.push({ n: req.n, ok: true, value: runDirect(store, req) });
    } catch (e) {
      replies.push({
        n: req.n,
        ok: false,
        error: (e as { code?: string }).code ?? (e as Error).name,
        ...((e as Error).name === 'ZodError' ? { invalid: true } : {}),
      });
    }
  };
  try {
    // each request is its own savepoint inside the batch's transaction: one failing write does not undo the others
    store.db.transaction(() => batch.forEach(one))();
  } catch {
    // the batch's commit failed: nothing of it is stored; retry one by one, so each gets its own answer
    replies.length = 0;
    batch.forEach(one);
  }
  port!.postMessage(replies);
}

port.on('message', (reqs: WriteRequest[]) => {
  queue.push(...reqs);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
port.postMessage('ready');
