import type { ReactNode } from "react";
import type { RecordSource } from "../api/types.ts";
import { useLanguage } from "../i18n/language-context.tsx";

export interface QuotedSource {
  documentNumber: string | null;
  documentTitle: string;
  section: string | null;
  quote: string;
  note: string | null;
}

/** A province record's source (budget line, task) in the shape a national figure's source has. */
export function quotedSource(source: RecordSource): QuotedSource {
  return { documentNumber: source.document.number, documentTitle: source.document.title, section: source.section, quote: source.quote, note: source.note };
}

/** One sentence a figure was read from: the document, the section, the words verbatim, and any caveat. */
export function SourceQuote({ source }: { source: QuotedSource }) {
  const { t } = useLanguage();
  return (
    <div className="source">
      <p className="source-document">
        <span className="source-key">{t.document}:</span> <strong>{source.documentNumber ?? t.noDocumentNumber}</strong> — <span lang="vi">{source.documentTitle}</span>
        {source.section && (
          <>
            {" "}
            · {t.section} {source.section}
          </>
        )}
      </p>
      {/* The documents are Vietnamese whatever the page's language; the quote is never translated. */}
      <blockquote lang="vi" className="source-quote">
        {source.quote}
      </blockquote>
      {source.note && (
        <p className="source-note" lang="en">
          <span className="source-key">{t.note}:</span> {source.note}
        </p>
      )}
    </div>
  );
}

/** A province record's source in a table cell: opened on demand, with what the record adds (its purpose) and its caveat. */
export function RecordSourceDetails({ source, note, children }: { source: RecordSource; note: string | null; children?: ReactNode }) {
  const { t } = useLanguage();
  return (
    <details className="unit-sources">
      <summary>{t.sources(1)}</summary>
      {children}
      <SourceQuote source={quotedSource(source)} />
      {note && (
        <p className="source-note" lang="en">
          <span className="source-key">{t.note}:</span> {note}
        </p>
      )}
    </details>
  );
}
