/**
 * Gathers calls that arrive while earlier ones are being answered, and answers them together.
 *
 * A call that finds a free slot (fewer than `maxRunning` batches under way) goes as soon as the
 * calls made in the same turn of the event loop have joined it: when nobody else is asking, it
 * goes alone and nothing waits. Calls that find every slot taken queue up, and the slots that
 * free up share them (up to `maxBatch` each), in arrival order. So the busier it is, the more
 * each batch carries, and the fixed cost of a round trip is paid once per batch, not per call.
 *
 * When a batch of several fails with an error that `retryAlone` says undid the whole batch (a
 * statement the database refused is rolled back), each of its calls is tried again alone, one
 * after another: one bad call (a user deleted meanwhile, say) fails by itself and never takes
 * its neighbours down with it. Any other error (a connection lost: the batch may have been
 * done) reaches every call of the batch, since doing a call twice could be worse than failing.
 */
export type BatchRunner<Req, Res> = (requests: readonly Req[]) => Promise<Res[]>;

export type Batcher<Req, Res> = (request: Req) => Promise<Res>;

type Pending<Req, Res> = {
  request: Req;
  resolve: (result: Res) => void;
  reject: (error: unknown) => void;
};

export function createBatcher<Req, Res>(
  run: BatchRunner<Req, Res>,
  options: { maxRunning: number; maxBatch: number; retryAlone: (error: unknown) => boolean },
): Batcher<Req, Res> {
  const waiting: Pending<Req, Res>[] = [];
  let running = 0;
  let pumpScheduled = false;

  async function settle(batch: Pending<Req, Res>[]): Promise<void> {
    try {
      const results = await run(batch.map((p) => p.request));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1 || !options.retryAlone(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      for (const pending of batch) {
        try {
          const [result] = await run([pending.request]);
          pending.resolve(result!);
        } catch (alone) {
          pending.reject(alone);
        }
      }
    }
  }

  function pump(): void {
    while (running < options.maxRunning && waiting.length > 0) {
      // Shared evenly over the free slots: twenty calls and two free slots make two batches of
      // ten, answered side by side, rather than one of twenty and an idle slot.
      const size = Math.min(
        options.maxBatch,
        Math.ceil(waiting.length / (options.maxRunning - running)),
      );
      const batch = waiting.splice(0, size);
      running++;
      void settle(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return (request) =>
    new Promise<Res>((resolve, reject) => {
      waiting.push({ request, resolve, reject });
      // Not at once but after the calls of this turn of the event loop: when a batch has just
      // been answered, its callers ask again in the same turn, and should go together rather
      // than the first alone and the others after it.
      if (!pumpScheduled) {
        pumpScheduled = true;
        setImmediate(() => {
          pumpScheduled = false;
          pump();
        });
      }
    });
}
