/** One answer as it was sent, minus its closing brace (the freshness extension goes there). */
export interface StoredResponse {
  /** When the provinces were asked, in ms since the epoch. */
  asOf: number;
  status: number;
  contentType: string;
  /** The serialised answer up to (not including) its final `}`. */
  head: Buffer;
}

/** Where answers are kept between requests: this process's memory, or Redis shared by replicas. */
export interface ResponseStore {
  get(key: string): Promise<StoredResponse | undefined>;
  set(key: string, value: StoredResponse, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * One buffer per answer, so Redis keeps it as bytes and a hit writes them without re-encoding:
 * asOf (8 bytes), status (2), the content type's length (1) and text, then the head.
 */
export function encodeStoredResponse({ asOf, status, contentType, head }: StoredResponse): Buffer {
  const type = Buffer.from(contentType, "latin1");
  const prefix = Buffer.alloc(11);
  prefix.writeDoubleBE(asOf, 0);
  prefix.writeUInt16BE(status, 8);
  prefix.writeUInt8(type.length, 10);
  return Buffer.concat([prefix, type, head]);
}

export function decodeStoredResponse(bytes: Buffer): StoredResponse | undefined {
  if (bytes.length < 11) return undefined;
  const typeLength = bytes.readUInt8(10);
  if (bytes.length < 11 + typeLength) return undefined;
  return {
    asOf: bytes.readDoubleBE(0),
    status: bytes.readUInt16BE(8),
    contentType: bytes.subarray(11, 11 + typeLength).toString("latin1"),
    head: bytes.subarray(11 + typeLength),
  };
}
