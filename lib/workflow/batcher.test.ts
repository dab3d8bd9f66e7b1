import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

class Refused extends Error {}

/** A runner that records each batch and answers when told to, like a statement in flight. */
function controlledRunner(answer: (n: number) => number = (n) => n * 10) {
  const batches: number[][] = [];
  const open: Array<() => void> = [];
  const run = (requests: readonly number[]) => {
    batches.push([...requests]);
    return new Promise<number[]>((resolve, reject) => {
      open.push(() => {
        if (requests.includes(-1)) reject(new Refused("refused"));
        else if (requests.includes(-2)) reject(new Error("connection lost"));
        else resolve(requests.map(answer));
      });
    });
  };
  /** Answer every batch under way, then let the callers and the batcher run on. */
  const finishAll = async () => {
    for (const finish of open.splice(0)) finish();
    await new Promise((r) => setImmediate(r));
  };
  return { run, batches, finishAll };
}

const turn = () => new Promise((r) => setImmediate(r));

describe("createBatcher", () => {
  it("sends a lone call by itself, and calls of the same turn together", async () => {
    const runner = controlledRunner();
    const call = createBatcher(runner.run, {
      maxRunning: 2,
      maxBatch: 50,
      retryAlone: () => true,
    });

    const lone = call(1);
    await turn();
    expect(runner.batches).toEqual([[1]]);

    const together = [call(2), call(3), call(4)];
    await turn();
    // One slot was free: the three calls of the same turn share it.
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);

    await runner.finishAll();
    expect(await lone).toBe(10);
    expect(await Promise.all(together)).toEqual([20, 30, 40]);
  });

  it("shares calls over the free slots, and queues them while every slot is busy", async () => {
    const runner = controlledRunner();
    const call = createBatcher(runner.run, {
      maxRunning: 2,
      maxBatch: 50,
      retryAlone: () => true,
    });
    // Four calls in one turn and two free slots: two batches side by side.
    const first = [call(1), call(2), call(3), call(4)];
    await turn();
    expect(runner.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);

    // Both slots are busy: these wait, and the first slot to free up takes them all.
    const waiting = [call(5), call(6), call(7)];
    await turn();
    expect(runner.batches).toHaveLength(2);
    await runner.finishAll();
    expect(runner.batches.slice(2)).toEqual([[5, 6, 7]]);
    await runner.finishAll();
    expect(await Promise.all([...first, ...waiting])).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it("never puts more than maxBatch calls in one batch", async () => {
    const runner = controlledRunner();
    const call = createBatcher(runner.run, {
      maxRunning: 1,
      maxBatch: 3,
      retryAlone: () => true,
    });
    const calls = Array.from({ length: 7 }, (_, i) => call(i));
    await turn();
    await runner.finishAll();
    await runner.finishAll();
    await runner.finishAll();
    expect(runner.batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(await Promise.all(calls)).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it("tries each call of a refused batch alone, so only the bad one fails", async () => {
    const batches: number[][] = [];
    const call = createBatcher(
      async (requests: readonly number[]) => {
        batches.push([...requests]);
        if (requests.includes(-1)) throw new Refused("refused");
        return requests.map((n) => n * 10);
      },
      { maxRunning: 1, maxBatch: 50, retryAlone: (e) => e instanceof Refused },
    );
    const results = await Promise.allSettled([call(1), call(-1), call(3)]);
    expect(results).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: expect.any(Refused) },
      { status: "fulfilled", value: 30 },
    ]);
    expect(batches).toEqual([[1, -1, 3], [1], [-1], [3]]);
  });

  it("fails the whole batch, without trying again, when the error may not have undone it", async () => {
    const runner = controlledRunner();
    const call = createBatcher(runner.run, {
      maxRunning: 1,
      maxBatch: 50,
      retryAlone: (e) => e instanceof Refused,
    });
    const results = Promise.allSettled([call(1), call(-2), call(3)]);
    await turn();
    await runner.finishAll();
    expect(await results).toEqual([
      { status: "rejected", reason: expect.objectContaining({ message: "connection lost" }) },
      { status: "rejected", reason: expect.objectContaining({ message: "connection lost" }) },
      { status: "rejected", reason: expect.objectContaining({ message: "connection lost" }) },
    ]);
    // Tried once: doing a batch twice could hand out twice as many items.
    expect(runner.batches).toEqual([[1, -2, 3]]);
  });

  it("keeps serving after a failure", async () => {
    const call = createBatcher(
      async (requests: readonly number[]) => {
        if (requests.includes(-1)) throw new Refused("refused");
        return requests.map((n) => n + 1);
      },
      { maxRunning: 1, maxBatch: 50, retryAlone: () => true },
    );
    await expect(call(-1)).rejects.toBeInstanceOf(Refused);
    expect(await call(41)).toBe(42);
  });
});
