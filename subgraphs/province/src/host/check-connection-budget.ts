import pg from "pg";
import { ConfigError } from "@khcn/shared";

export interface ConnectionBudget {
  url: string;
  provinces: number;
  poolSize: number;
  workers: number;
}

/**
 * A host on PostgreSQL gives every province a pool of its own in every worker. Asked for more
 * connections than the server allows, it would answer "too many clients" at the first busy
 * moment; this says so at start, with the numbers and what to change.
 */
export async function checkConnectionBudget({ url, provinces, poolSize, workers }: ConnectionBudget): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ max: string; reserved: string; used: string }>(
      "SELECT current_setting('max_connections') AS max, current_setting('superuser_reserved_connections') AS reserved, (SELECT count(*) FROM pg_stat_activity)::text AS used",
    );
    const { max, reserved, used } = rows[0]!;
    // This check's own connection is counted in `used` and closes right after.
    const available = Number(max) - Number(reserved) - (Number(used) - 1);
    const needed = provinces * poolSize * workers;
    if (needed > available) {
      throw new ConfigError(
        `${provinces} provinces × ${poolSize} connection(s) (HOST_POOL_SIZE) × ${workers} worker(s) (HOST_WORKERS) need ${needed} PostgreSQL connections, ` +
          `but the server has ${available} free (max_connections ${max}, ${reserved} reserved, ${Number(used) - 1} in use): ` +
          "raise max_connections, put a pooler such as PgBouncer in front, or lower HOST_WORKERS or HOST_POOL_SIZE",
      );
    }
  } finally {
    await client.end();
  }
}
