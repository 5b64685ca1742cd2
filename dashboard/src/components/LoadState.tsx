import type { ReactNode } from "react";
import type { GraphQLAnswer } from "../api/graphql-client.ts";
import type { QueryState } from "../hooks/use-graphql.ts";
import { useLanguage } from "../i18n/language-context.tsx";

interface LoadStateProps<T> {
  state: QueryState<T>;
  onRetry: () => void;
  children: (answer: GraphQLAnswer<T>) => ReactNode;
}

/** A query's loading and failure, said the same way everywhere; the answer goes to `children`. */
export function LoadState<T>({ state, onRetry, children }: LoadStateProps<T>) {
  const { t } = useLanguage();
  if (state.status === "loading")
    return (
      <p className="muted" role="status">
        {t.loading}
      </p>
    );
  if (state.status === "failed")
    return (
      <p className="error" role="alert">
        {t.requestFailed(state.message)}{" "}
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      </p>
    );
  return <>{children(state.answer)}</>;
}
