import type { ReportState } from "../api/types.ts";
import { useLanguage } from "../i18n/language-context.tsx";

/** A unit's report state in words, coloured by kind; the words carry the meaning, the colour only helps. */
export function StateBadge({ state }: { state: ReportState }) {
  const { t } = useLanguage();
  return <span className={`badge badge-${state.toLowerCase().replace("_", "-")}`}>{t.state[state]}</span>;
}
