import { createContext, type ReactNode, useContext, useEffect } from "react";
import { type Dictionary, dictionaries, type Language } from "./dictionary.ts";

interface LanguageValue {
  language: Language;
  t: Dictionary;
  /** The catalogue's own name of a measure, dimension or value in the page's language. */
  nameOf(item: { nameVi: string; nameEn: string }): string;
}

const LanguageContext = createContext<LanguageValue>({ language: "vi", t: dictionaries.vi, nameOf: (item) => item.nameVi });

/** Provides the dictionary, and keeps <html lang> in step so screen readers and hyphenation follow. */
export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value: LanguageValue = { language, t: dictionaries[language], nameOf: (item) => (language === "vi" ? item.nameVi : item.nameEn) };
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  return useContext(LanguageContext);
}
