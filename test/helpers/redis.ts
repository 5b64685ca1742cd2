import { Redis } from "ioredis";

/** The Redis the tests share: REDIS_URL, or the one these machines run at 127.0.0.1:6379. */
export const testRedisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Whether Redis answers. Where it does not (a laptop without it), its tests are skipped, unless
 * REQUIRE_REDIS is set (CI sets it): then they fail, and nothing passes by being skipped.
 */
export async function redisIsReachable(): Promise<boolean> {
  if (process.env.REQUIRE_REDIS) return true;
  const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 500, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
