import { describe, expect, it } from "vitest";
import { postgresAdminUrl } from "../testing/test-databases.ts";
import { checkConnectionBudget } from "./check-connection-budget.ts";

describe("a PostgreSQL host's connection budget", () => {
  it("lets a host start whose pools fit the server", async () => {
    await expect(checkConnectionBudget({ url: postgresAdminUrl, provinces: 3, poolSize: 1, workers: 2 })).resolves.toBeUndefined();
  });

  it("refuses at start, with the numbers and what to change, pools the server could never open", async () => {
    // 63 provinces with the lone subgraph's pool of five, in two workers: what failed with "too many clients".
    await expect(checkConnectionBudget({ url: postgresAdminUrl, provinces: 63, poolSize: 5, workers: 2 })).rejects.toThrow(
      /^63 provinces × 5 connection\(s\) \(HOST_POOL_SIZE\) × 2 worker\(s\) \(HOST_WORKERS\) need 630 PostgreSQL connections, but the server has \d+ free .*PgBouncer/,
    );
  });
});
