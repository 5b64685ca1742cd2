import { useLanguage } from "../i18n/language-context.tsx";

/** One button that switches between Vietnamese and English; the label is written in the language it switches to. */
export function LanguageToggle({ onToggle }: { onToggle: () => void }) {
  const { language, t } = useLanguage();
  return (
    <button type="button" className="language-toggle" onClick={onToggle} lang={language === "vi" ? "en" : "vi"} aria-label={t.otherLanguageLabel}>
      {t.otherLanguage}
    </button>
  );
}
