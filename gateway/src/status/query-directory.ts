import { currentRequestId, REQUEST_ID_HEADER } from "../observability/request-context.ts";

/** A province as the directory lists it, reduced to what the gateway needs. */
export interface DirectoryEntry {
  id: string;
  name: string;
  hasSubgraph: boolean;
}

export type DirectoryAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Asked on behalf of a client's request (the national figures), the call carries its id. */
async function postToDirectory(url: string, query: string, timeoutMs: number): Promise<DirectoryAnswer<Record<string, unknown>>> {
  const requestId = currentRequestId();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(requestId === undefined ? {} : { [REQUEST_ID_HEADER]: requestId }) },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
    if (!body.data) return { ok: false, reason: body.errors?.map((e) => e.message).join("; ") || "no data in the answer" };
    return { ok: true, value: body.data };
  } catch (error) {
    const { name, message, cause } = error as { name?: string; message?: string; cause?: { message?: string } };
    return { ok: false, reason: name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : `unreachable: ${cause?.message ?? message}` };
  }
}

/** Every province in the directory's registry, past and present, with its name. */
export async function listDirectoryProvinces(url: string, timeoutMs: number): Promise<DirectoryAnswer<DirectoryEntry[]>> {
  const answer = await postToDirectory(url, "query GatewayProvinceNames { provinces { id name hasSubgraph } }", timeoutMs);
  if (!answer.ok) return answer;
  const provinces = answer.value.provinces;
  if (!Array.isArray(provinces)) return { ok: false, reason: "the answer has no provinces list" };
  return { ok: true, value: provinces as DirectoryEntry[] };
}

/** A unit with its validity and successor, as the national figures need it. */
export interface DirectoryUnit extends DirectoryEntry {
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
}

/** Every unit in the directory's registry, with its validity and the unit it merged into. */
export async function listDirectoryUnits(url: string, timeoutMs: number): Promise<DirectoryAnswer<DirectoryUnit[]>> {
  const answer = await postToDirectory(url, "query GatewayUnits { provinces { id name hasSubgraph validFrom validTo successor { id } } }", timeoutMs);
  if (!answer.ok) return answer;
  const provinces = answer.value.provinces;
  if (!Array.isArray(provinces)) return { ok: false, reason: "the answer has no provinces list" };
  return {
    ok: true,
    value: (provinces as (DirectoryEntry & { validFrom: string | null; validTo: string | null; successor: { id: string } | null })[]).map(
      ({ successor, ...unit }) => ({ ...unit, successorId: successor?.id ?? null }),
    ),
  };
}

/** Whether the directory answers GraphQL right now. */
export async function probeDirectory(url: string, timeoutMs: number): Promise<DirectoryAnswer<true>> {
  const answer = await postToDirectory(url, "query GatewayReadiness { __typename }", timeoutMs);
  return answer.ok ? { ok: true, value: true } : answer;
}
