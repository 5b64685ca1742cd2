import { describe, expect, it } from "vitest";
import { createGatewayLogger } from "./create-gateway-logger.ts";
import { currentRequestId, readRequestId, runWithRequestId } from "./request-context.ts";

describe("the gateway's log and request ids", () => {
  it("writes one JSON object a line, with the level's name, an ISO time, the message, the fields, and the id of the request being served", async () => {
    const lines: string[] = [];
    const logger = createGatewayLogger({ destination: { write: (line: string) => void lines.push(line) } });
    logger.warn("province long-an: circuit open", { province: "long-an" });
    await runWithRequestId("abc-123", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info("graphql request answered", { status: 200 });
    });
    const [outside, inside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(outside).toEqual({ level: "warn", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: "gateway", province: "long-an", msg: "province long-an: circuit open" });
    expect(inside).toMatchObject({ level: "info", requestId: "abc-123", status: 200, msg: "graphql request answered" });
    expect(currentRequestId()).toBeUndefined();
  });

  it("writes nothing below its level", () => {
    const lines: string[] = [];
    const logger = createGatewayLogger({ level: "warn", destination: { write: (line: string) => void lines.push(line) } });
    logger.info("quiet");
    expect(lines).toEqual([]);
  });

  it("keeps a client's request id fit for a log line and a header, else makes one", () => {
    expect(readRequestId("abc-123")).toBe("abc-123");
    expect(readRequestId(["req.1:2_3", "other"])).toBe("req.1:2_3");
    for (const unfit of [undefined, "", "has space", 'a"b', "x".repeat(129), "ký-tự"]) expect(readRequestId(unfit)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
