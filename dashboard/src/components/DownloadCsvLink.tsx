import { csvBlobUrl } from "../download/records-csv.ts";
import { useLanguage } from "../i18n/language-context.tsx";

/**
 * Saves the rows a view shows as a tidy CSV, made in the page from the same answer. The file is
 * made on click, not at every render: a blob URL made at render would be revoked by the next one,
 * cancelling a download still in progress.
 */
export function DownloadCsvLink({ rows, filename, testId }: { rows: readonly Record<string, string | number>[]; filename: string; testId: string }) {
  const { t } = useLanguage();
  const save = () => {
    const url = csvBlobUrl(rows);
    const link = Object.assign(document.createElement("a"), { href: url, download: filename });
    link.click();
    // Long enough for the browser to have read the file; then its memory is freed.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <p>
      <button type="button" className="download" onClick={save} data-testid={testId}>
        {t.downloadCsv}
      </button>
    </p>
  );
}
