import { useCallback, useEffect, useState } from "react";
import { type GraphQLAnswer, postGraphQL } from "../api/graphql-client.ts";

export type QueryState<T> = { status: "loading" } | { status: "failed"; message: string } | { status: "done"; answer: GraphQLAnswer<T> };

const LOADING = { status: "loading" } as const;

/**
 * Runs a query whenever its variables change (compared as JSON) and aborts the previous one, so
 * a quick change of selection never shows an older answer over a newer one. An answer is kept with
 * the variables it was asked with: for new variables the state is "loading" from the first render,
 * never the previous answer drawn with the new choice's labels. `reload` asks again.
 */
export function useGraphQL<T>(query: string, variables: Record<string, unknown>, enabled = true): [QueryState<T>, () => void] {
  const key = JSON.stringify([query, variables]);
  const [result, setResult] = useState<{ key: string; state: QueryState<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setResult(null);
    const [text, vars] = JSON.parse(key) as [string, Record<string, unknown>];
    postGraphQL<T>(text, vars, controller.signal).then(
      (answer) => setResult({ key, state: { status: "done", answer } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, state: { status: "failed", message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => controller.abort();
  }, [key, enabled, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [result?.key === key ? result.state : LOADING, reload];
}
