import type { GraphQLError } from "./types.ts";

export interface GraphQLAnswer<T> {
  data: T | null;
  errors: GraphQLError[];
}

/**
 * POSTs one query to the gateway's public endpoint on this origin, as any client does. The JSON
 * content type matters: Apollo's CSRF prevention refuses a "simple" request. A partial answer
 * (data plus errors, e.g. one province down) is returned whole; only an answer without data throws.
 */
export async function postGraphQL<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLAnswer<T>> {
  const response = await fetch(new URL("/graphql", location.href), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: GraphQLError[] } | null;
  if (!body?.data) {
    const message = body?.errors?.map((e) => e.message).join("; ") || `HTTP ${response.status}`;
    throw new Error(message);
  }
  return { data: body.data, errors: body.errors ?? [] };
}

/**
 * A province list split by this request's errors: the provinces that answered, and those that did
 * not with the reason, as a view shows them (the rest as usual, the unavailable in a notice).
 */
export function splitByAvailability<P extends { id: string; name: string }>(
  provinces: readonly P[],
  errors: readonly GraphQLError[],
): { answered: P[]; unavailable: { name: string; reason: string }[] } {
  const reasons = unavailableProvinces(errors);
  return {
    answered: provinces.filter((p) => !reasons.has(p.id)),
    unavailable: provinces.filter((p) => reasons.has(p.id)).map((p) => ({ name: p.name, reason: reasons.get(p.id)! })),
  };
}

/**
 * The router's codes for a province whose figures are null in this answer: it did not answer, its
 * answer broke the contract, or its schema did and it is out of routing.
 */
const FIGURES_MISSING = new Set(["PROVINCE_UNAVAILABLE", "PROVINCE_INVALID_ANSWER", "PROVINCE_CONTRACT_DRIFT"]);

/** The provinces the router's errors say gave no figures in this answer, with the router's reason. */
export function unavailableProvinces(errors: readonly GraphQLError[]): Map<string, string> {
  const unavailable = new Map<string, string>();
  for (const error of errors) {
    const province = error.extensions?.province;
    const code = error.extensions?.code;
    if (code && FIGURES_MISSING.has(code) && province && !unavailable.has(province.id)) unavailable.set(province.id, error.extensions?.reason ?? error.message);
  }
  return unavailable;
}
