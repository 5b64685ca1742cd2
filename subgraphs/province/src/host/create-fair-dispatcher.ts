/** A worker lent to one request; give it back with `release()` (more than once is harmless). */
export interface WorkerLease {
  worker: number;
  release(): void;
}

export interface FairDispatcher {
  /** Resolves once a worker is free for this province's request. */
  acquire(provinceId: string): Promise<WorkerLease>;
  /** Workers lent out now, by province. */
  busy(): Map<string, number>;
}

export interface FairDispatcherOptions {
  /** Workers one province may hold at once: all but one by default, so another province always finds one. */
  maxPerProvince?: number;
}

/**
 * Lends `workers` workers to requests, one request per worker at a time. A province holds at most
 * `maxPerProvince` of them (workers − 1), so however many heavy requests one province gets, a
 * worker stays for the others; and requests that wait are served province by province in turn, so
 * a flood from one province does not queue ahead of another's single request.
 */
export function createFairDispatcher(workers: number, options: FairDispatcherOptions = {}): FairDispatcher {
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`a dispatcher needs at least one worker, got ${workers}`);
  const cap = options.maxPerProvince ?? Math.max(1, workers - 1);
  const idle = Array.from({ length: workers }, (_, i) => i);
  const held = new Map<string, number>();
  // Provinces with requests waiting, in the order they will be served; each with its own queue.
  const waiting = new Map<string, ((lease: WorkerLease) => void)[]>();

  const lend = (provinceId: string): WorkerLease => {
    const worker = idle.shift()!;
    held.set(provinceId, (held.get(provinceId) ?? 0) + 1);
    let released = false;
    return {
      worker,
      release: () => {
        if (released) return;
        released = true;
        const left = held.get(provinceId)! - 1;
        if (left === 0) held.delete(provinceId);
        else held.set(provinceId, left);
        idle.push(worker);
        pump();
      },
    };
  };

  const pump = () => {
    let served = true;
    while (idle.length > 0 && served) {
      served = false;
      for (const [provinceId, queue] of waiting) {
        if ((held.get(provinceId) ?? 0) >= cap) continue;
        const next = queue.shift()!;
        waiting.delete(provinceId);
        // Back of the line: the next free worker goes to another province first.
        if (queue.length > 0) waiting.set(provinceId, queue);
        next(lend(provinceId));
        served = true;
        break;
      }
    }
  };

  return {
    acquire: (provinceId) => {
      if (idle.length > 0 && !waiting.has(provinceId) && (held.get(provinceId) ?? 0) < cap) return Promise.resolve(lend(provinceId));
      return new Promise((resolve) => {
        const queue = waiting.get(provinceId);
        if (queue) queue.push(resolve);
        else waiting.set(provinceId, [resolve]);
      });
    },
    busy: () => new Map(held),
  };
}
