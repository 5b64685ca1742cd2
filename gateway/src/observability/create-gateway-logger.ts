import pino, { type DestinationStream } from "pino";
import { currentRequestId } from "./request-context.ts";

/** Where the gateway logs: a message, and fields that go beside it in the JSON line. */
export interface GatewayLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** pino's levels that Hive's runtime also accepts in LOG_LEVEL (its logger throws on `fatal` or `silent`, even with logging off). */
export const LOG_LEVELS = ["error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface GatewayLoggerOptions {
  /** The lowest level written; `info` by default (LOG_LEVEL). */
  level?: LogLevel;
  /** Where the JSON lines go; stdout by default (a test passes a stream it reads). */
  destination?: DestinationStream;
}

/**
 * The gateway's operational log with pino: one JSON object a line with `level` (its name, not
 * pino's number), `time` (ISO 8601), `service: "gateway"`, `msg`, the fields given, and
 * `requestId` on every line written while a request is served (request-context.ts).
 */
export function createGatewayLogger({ level = "info", destination }: GatewayLoggerOptions = {}): Required<GatewayLogger> {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "gateway" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
  };
  const logger = destination ? pino(options, destination) : pino(options);
  return {
    info: (message, fields) => (fields ? logger.info(fields, message) : logger.info(message)),
    warn: (message, fields) => (fields ? logger.warn(fields, message) : logger.warn(message)),
    error: (message, fields) => (fields ? logger.error(fields, message) : logger.error(message)),
  };
}
