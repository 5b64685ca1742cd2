import { randomUUID } from "node:crypto";

/** The header that carries a request's id from the client through the gateway to each subgraph, and back in the answer. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What a client may choose as its request id: short and printable, no spaces or quotes (it goes into log lines and headers). */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id in a request's header when it is fit to be kept, else undefined. */
export function readValidRequestId(header: string | string[] | null | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === "string" && VALID_REQUEST_ID.test(value) ? value : undefined;
}

/** The client's id when it is a valid one, else a new UUID. */
export function readRequestId(header: string | string[] | null | undefined): string {
  return readValidRequestId(header) ?? randomUUID();
}
