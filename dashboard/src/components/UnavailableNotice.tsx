import { useLanguage } from "../i18n/language-context.tsx";

/** The provinces that did not answer this request, each with the gateway's reason; the rest of the view is as usual. */
export function UnavailableNotice({ provinces }: { provinces: readonly { name: string; reason: string }[] }) {
  const { t } = useLanguage();
  if (provinces.length === 0) return null;
  return (
    <ul className="unavailable-notice" role="status">
      {provinces.map(({ name, reason }) => (
        <li key={name}>{t.unavailableProvince(name, reason)}</li>
      ))}
    </ul>
  );
}
