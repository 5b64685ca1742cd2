import { describe, expect, it } from "vitest";
import { createFairDispatcher } from "./create-fair-dispatcher.ts";

/** Which of the promises have settled, without waiting for the others. */
async function settled<T>(promises: Promise<T>[]): Promise<boolean[]> {
  const marks = promises.map(() => false);
  promises.forEach((p, i) => void p.then(() => (marks[i] = true)));
  await new Promise((resolve) => setImmediate(resolve));
  return marks;
}

describe("lending the host's workers to provinces' requests", () => {
  it("keeps a worker for Lạng Sơn however many heavy requests the synthetic province has waiting", async () => {
    const dispatcher = createFairDispatcher(3);
    const heavy = Array.from({ length: 5 }, () => dispatcher.acquire("synthetic-heavy"));
    expect(await settled(heavy)).toEqual([true, true, false, false, false]);
    const langSon = await dispatcher.acquire("lang-son");
    const heavyWorkers = await Promise.all(heavy.slice(0, 2));
    expect(new Set([langSon.worker, ...heavyWorkers.map((l) => l.worker)]).size).toBe(3);
    expect(dispatcher.busy()).toEqual(new Map([["synthetic-heavy", 2], ["lang-son", 1]]));
  });

  it("serves waiting provinces in turn, not in the order their requests came", async () => {
    const dispatcher = createFairDispatcher(1);
    const first = await dispatcher.acquire("a");
    const order: string[] = [];
    const waiting = ["a", "a", "a", "b"].map((id) => dispatcher.acquire(id).then((lease) => (order.push(id), lease.release())));
    first.release();
    await Promise.all(waiting);
    // "b" asked last but gets the second free worker: a flood from "a" does not queue ahead of it.
    expect(order).toEqual(["a", "b", "a", "a"]);
  });

  it("takes a worker back once, however often a lease is released", async () => {
    const dispatcher = createFairDispatcher(1);
    const lease = await dispatcher.acquire("a");
    lease.release();
    lease.release();
    const [x, y] = [dispatcher.acquire("a"), dispatcher.acquire("b")];
    expect(await settled([x, y])).toEqual([true, false]);
  });
});
