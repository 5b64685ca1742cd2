import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import { splitByAvailability } from "../api/graphql-client.ts";
import { KEY_TASKS_QUERY } from "../api/queries.ts";
import type { KeyTask } from "../api/types.ts";
import { formatPartialDate, partialDateSpan } from "../format/format-figure.ts";
import { useGraphQL } from "../hooks/use-graphql.ts";
import { useLanguage } from "../i18n/language-context.tsx";
import { CHART_FONT, COLORS, fitText, LABELLED_ROW } from "./chart-style.ts";
import { LoadState } from "./LoadState.tsx";
import { PlotFigure } from "./PlotFigure.tsx";
import { RecordSourceDetails } from "./SourceQuote.tsx";
import { keyTaskRows } from "../download/records-csv.ts";
import { DownloadCsvLink } from "./DownloadCsvLink.tsx";
import { UnavailableNotice } from "./UnavailableNotice.tsx";

interface ProvinceTasks {
  id: string;
  name: string;
  gsoCode: string;
  tasks: KeyTask[] | null;
}

interface Span {
  start: Date;
  end: Date;
}

/** Deadlines first, then tasks without one, then by title: a plan's list in the order it falls due. */
function byDueDate(a: KeyTask, b: KeyTask): number {
  if (a.dueDate === b.dueDate) return a.year - b.year || a.title.localeCompare(b.title, "vi");
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/** Every province's key tasks on one time axis (the same for all, so their plans line up), then each task in a table with its source. */
export function KeyTaskTimeline({ enabled }: { enabled: boolean }) {
  const { t } = useLanguage();
  const [state, reload] = useGraphQL<{ provinces: ProvinceTasks[] }>(KEY_TASKS_QUERY, {}, enabled);
  return (
    <section className="tasks" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t.tasksTitle}</h2>
      <p className="intro">{t.tasksIntro}</p>
      <LoadState state={state} onRetry={reload}>
        {({ data, errors }) => {
          const { answered, unavailable } = splitByAvailability(data!.provinces, errors);
          const provinces = data!.provinces;
          const spans = provinces.flatMap((p) => (p.tasks ?? []).map((task) => (task.dueDate ? partialDateSpan(task.dueDate) : null)).filter((s): s is Span => s !== null));
          const domain: [Date, Date] | null = spans.length
            ? [new Date(Math.min(...spans.map((s) => s.start.getTime()))), new Date(Math.max(...spans.map((s) => s.end.getTime())))]
            : null;
          return (
            <>
              <UnavailableNotice provinces={unavailable} />
              <DownloadCsvLink rows={keyTaskRows(answered)} filename="key-tasks.csv" testId="download-key-tasks-csv" />
              {answered.map((province) => (
                <ProvinceTasksBlock key={province.id} name={province.name} tasks={[...(province.tasks ?? [])].sort(byDueDate)} domain={domain} />
              ))}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

function ProvinceTasksBlock({ name, tasks, domain }: { name: string; tasks: KeyTask[]; domain: [Date, Date] | null }) {
  const { t, language } = useLanguage();
  const dated = useMemo(() => tasks.filter((task) => task.dueDate && partialDateSpan(task.dueDate)), [tasks]);
  const draw = useCallback(
    (width: number) => {
      // Numbered as in the table below, so a bar and its row are found by the same number.
      const rows = dated.map((task) => ({ task, span: partialDateSpan(task.dueDate!)!, label: `${tasks.indexOf(task) + 1}. ${task.title}` }));
      const { ROW_HEIGHT, BAR_INSET_TOP, LABEL_DY } = LABELLED_ROW;
      const start = domain?.[0] ?? rows[0]!.span.start;
      return Plot.plot({
        width,
        height: rows.length * ROW_HEIGHT + 40,
        marginLeft: 8,
        marginRight: 24,
        style: CHART_FONT,
        x: { type: "utc", domain: domain ?? undefined, grid: true, label: null, tickFormat: t.monthTick, ticks: width >= 700 ? "3 months" : "6 months" },
        y: { domain: rows.map((row) => row.label), axis: null },
        marks: [
          Plot.barX(rows, {
            x1: (row) => row.span.start,
            x2: (row) => row.span.end,
            y: "label",
            insetTop: BAR_INSET_TOP,
            fill: COLORS.reported,
            fillOpacity: 0.85,
            title: (row) => `${row.task.title}\n${t.colDue}: ${formatPartialDate(row.task.dueDate!, language)}`,
          }),
          Plot.text(rows, { x: start, y: "label", text: (row) => fitText(row.label, width - 40), textAnchor: "start", dy: LABEL_DY, fill: COLORS.text }),
        ],
      });
    },
    [dated, tasks, domain, language, t],
  );
  return (
    <article className="province-block" data-province={name}>
      <h3>{name}</h3>
      {tasks.length === 0 ? (
        <p className="muted">{t.tasksNone}</p>
      ) : (
        <>
          {dated.length > 0 && <PlotFigure draw={draw} label={`${t.tasksTitle}: ${name}`} />}
          <div className="table-scroll">
            <table className="task-list responsive">
              <caption className="visually-hidden">{`${t.tasksTitle}: ${name}`}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t.colDue}</th>
                  <th scope="col">{t.colTask}</th>
                  <th scope="col">{t.colLead}</th>
                  <th scope="col">{t.colStatus}</th>
                  <th scope="col">{t.colSources}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task, index) => (
                  <tr key={task.id}>
                    <td data-label="#">{index + 1}</td>
                    <td data-label={t.colDue}>{task.dueDate ? formatPartialDate(task.dueDate, language) : <span className="muted">{t.noDueDate}</span>}</td>
                    <td data-label={t.colTask} lang="vi">
                      {task.title}
                    </td>
                    <td data-label={t.colLead} lang="vi">
                      {task.leadUnit ?? ""}
                    </td>
                    <td data-label={t.colStatus}>{t.taskStatus[task.status] ?? task.status}</td>
                    <td data-label={t.colSources}>
                      <RecordSourceDetails source={task.source} note={task.note} />
                    </td>
                  </tr>
              ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}
