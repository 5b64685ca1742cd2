/** Polls a health URL until it answers 2xx, the deadline passes, or `abort` settles (e.g. the process died). */
export async function waitForHealth(url: string, { timeoutMs = 60_000, abort }: { timeoutMs?: number; abort?: Promise<unknown> } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let aborted: unknown;
  let isAborted = false;
  void abort?.then((reason) => {
    isAborted = true;
    aborted = reason;
  });
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (isAborted) throw new Error(`gave up waiting for ${url}: ${String(aborted)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms (${last})`);
}
