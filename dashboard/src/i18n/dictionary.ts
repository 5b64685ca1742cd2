/**
 * Every label on the page, in Vietnamese (the default: the page is the ministry's) and English.
 * The English dictionary is typed by the Vietnamese one, so a label missing in either fails the
 * typecheck. Names that come from the data (provinces, measures, dimensions) are not here: the
 * catalogue carries them in both languages, and province names are proper names.
 */
import type { ReportState } from "../api/types.ts";

export type Language = "vi" | "en";

const vi = {
  htmlLang: "vi",
  otherLanguage: "English",
  otherLanguageLabel: "Switch the page to English",
  title: "So sánh khoa học và công nghệ các tỉnh, thành phố",
  subtitle: "Số liệu từ kế hoạch, báo cáo của các Sở KH&CN, theo danh mục chỉ tiêu của Bộ",
  catalogueVersion: (version: string) => `Danh mục chỉ tiêu phiên bản ${version}`,
  loading: "Đang tải…",
  requestFailed: (message: string) => `Không tải được số liệu: ${message}`,
  retry: "Thử lại",

  // The picker
  pickerLegend: "Chọn số liệu",
  measure: "Chỉ tiêu",
  year: "Năm",
  map: "Bản đồ hành chính",
  mapOfYear: (year: number) => `Bản đồ cuối năm ${year}`,
  mapBefore: "Trước 1/7/2025 (63 đơn vị)",
  mapAfter: "Từ 1/7/2025 (34 đơn vị, sau sáp nhập)",
  allValues: "Tất cả (cộng lại)",
  showUnitsWithoutSubgraph: "Hiện cả các đơn vị chưa kết nối (chưa có subgraph)",
  hiddenWithoutSubgraph: (n: number) => `${n} đơn vị chưa kết nối được ẩn.`,

  // The measure
  aboutMeasure: "Định nghĩa và lưu ý",
  unit: "Đơn vị tính",
  // The catalogue's units (docs/CATALOGUE.md) in words; an unknown unit is shown as the catalogue writes it.
  unitName: { agency: "cơ quan", task: "nhiệm vụ", organisation: "tổ chức", enterprise: "doanh nghiệp", VND: "đồng" } as Record<string, string>,
  aggregationRule: {
    SUM: "Cộng số liệu các tỉnh",
    RATIO_OF_SUMS: "Tỷ lệ của tổng (cộng tử số, cộng mẫu số rồi chia), không lấy trung bình các tỷ lệ",
    NONE: "Không cộng gộp toàn quốc: so sánh từng tỉnh",
  },

  // The national total
  nationalTotal: "Toàn quốc",
  totalOfReporting: "Tổng của các đơn vị đã báo cáo",
  noTotalNotAggregable: "Chỉ tiêu này không có tổng toàn quốc: số liệu các tỉnh không cộng được với nhau.",
  noTotalNoData: "Chưa có đơn vị nào báo cáo chỉ tiêu này cho năm đã chọn.",
  noTotalUnavailable: "Chưa có tổng: không đơn vị nào trả lời có số liệu, và có đơn vị không truy cập được; hãy tải lại sau.",
  incomplete: "Chưa đủ: tổng chỉ gồm các đơn vị đã báo cáo, chưa phải số liệu cả nước.",
  complete: "Đủ: mọi đơn vị trên bản đồ đã báo cáo.",
  reportingSentence: (r: ReportingCounts) =>
    [
      `${r.reported} trên ${r.expected} đơn vị báo cáo`,
      r.partial ? `${r.partial} báo cáo một phần` : "",
      r.unavailable ? `${r.unavailable} không truy cập được` : "",
      r.notReported ? `${r.notReported} có kết nối nhưng không có số liệu` : "",
      r.withoutSubgraph ? `${r.withoutSubgraph} chưa kết nối` : "",
    ]
      .filter(Boolean)
      .join("; "),

  // Report states, as a unit's row shows them
  state: {
    REPORTED: "Đã báo cáo",
    PARTIAL: "Báo cáo một phần",
    NOT_REPORTED: "Không có số liệu",
    NO_SUBGRAPH: "Chưa kết nối",
    UNAVAILABLE: "Không truy cập được",
  } satisfies Record<ReportState, string>,
  // What the chart writes where a unit has no bar: never a zero.
  missingMark: {
    NOT_REPORTED: "không có số liệu",
    NO_SUBGRAPH: "chưa kết nối",
    UNAVAILABLE: "không truy cập được",
  },

  // The chart and the table
  chartTitle: "Biểu đồ theo đơn vị",
  chartDescription: (measure: string, year: number) => `Biểu đồ thanh: ${measure}, năm ${year}, theo từng đơn vị hành chính`,
  tableTitle: "Bảng số liệu",
  downloadCsv: "Tải bảng số liệu (CSV, kèm nguồn)",
  colUnit: "Đơn vị",
  colGso: "Mã",
  colState: "Tình trạng",
  colValue: "Số liệu",
  colSources: "Nguồn",
  sources: (n: number) => `Nguồn (${n})`,
  noSource: "—",
  contributionOf: (name: string) => `Số liệu của ${name}`,
  document: "Văn bản",
  noDocumentNumber: "không số",
  section: "Mục",
  quote: "Nguyên văn",
  note: "Ghi chú",
  period: "Thời kỳ",
  notCounted: "Không tính vào tổng",
  reason: "Lý do",
  billionsAxis: "tỷ đồng",
  countAxis: (unit: string) => unit,
  /** A month on a timeline's axis: "6/2024". */
  monthTick: (date: Date) => `${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`,
  percentAxis: "tỷ lệ (%)",

  // The budget view
  budgetTitle: "Kinh phí KH&CN theo giai đoạn và nguồn, qua các năm",
  budgetIntro: "Các dòng kinh phí như văn bản ghi, theo năm, giai đoạn ngân sách và nguồn kinh phí. Không cộng các giai đoạn với nhau: số đề xuất và số được giao là cùng một khoản ở hai thời điểm.",
  budgetNoLines: "Chưa có dòng kinh phí nào.",
  colYear: "Năm",
  colPhase: "Giai đoạn",
  colFundingSource: "Nguồn",
  colAmount: "Số tiền",
  colAsWritten: "Văn bản ghi",
  purpose: "Nội dung",
  unknownFundingSource: "không nêu nguồn",
  noAmount: "không có số liệu",
  phase: { REQUESTED: "Đề xuất", ALLOCATED: "Được giao", ADJUSTED: "Điều chỉnh", DISBURSED: "Đã giải ngân" } as Record<string, string>,
  fundingSource: { CENTRAL: "NS trung ương", LOCAL: "NS địa phương", STATE: "NSNN (không rõ cấp)", NON_BUDGET: "Ngoài ngân sách" } as Record<string, string>,

  // The key-task timeline
  tasksTitle: "Nhiệm vụ trọng tâm và thời hạn",
  tasksIntro: "Thời hạn như văn bản ghi: một năm, một tháng hoặc một ngày; thanh trên biểu đồ trải hết khoảng đó.",
  tasksNone: "Chưa có nhiệm vụ trọng tâm nào.",
  colDue: "Thời hạn",
  colTask: "Nhiệm vụ",
  colLead: "Đơn vị chủ trì",
  colStatus: "Trạng thái",
  noDueDate: "không nêu",
  taskStatus: { PROPOSED: "Đề xuất", PLANNED: "Kế hoạch", ONGOING: "Đang thực hiện", COMPLETED: "Hoàn thành" } as Record<string, string>,

  unavailableProvince: (name: string, reason: string) => `${name}: không truy cập được (${reason})`,
  footer: "Trang này chỉ hỏi GraphQL của cổng (/graphql) trên máy chủ này; mọi phông chữ và mã đều đi kèm.",
  graphiqlLink: "Mở GraphiQL",
};

export type Dictionary = typeof vi;

export interface ReportingCounts {
  expected: number;
  reported: number;
  partial: number;
  notReported: number;
  withoutSubgraph: number;
  unavailable: number;
}

const en: Dictionary = {
  htmlLang: "en",
  otherLanguage: "Tiếng Việt",
  otherLanguageLabel: "Chuyển trang sang tiếng Việt",
  title: "Science and technology across Vietnam's provinces",
  subtitle: "Figures from the provincial S&T departments' plans and reports, on the ministry's measure catalogue",
  catalogueVersion: (version) => `Measure catalogue version ${version}`,
  loading: "Loading…",
  requestFailed: (message) => `The figures could not be loaded: ${message}`,
  retry: "Try again",

  pickerLegend: "Choose the figures",
  measure: "Measure",
  year: "Year",
  map: "Administrative map",
  mapOfYear: (year) => `The map at the end of ${year}`,
  mapBefore: "Before 1 July 2025 (63 units)",
  mapAfter: "From 1 July 2025 (34 units, after the merger)",
  allValues: "All (added up)",
  showUnitsWithoutSubgraph: "Also show the units not connected yet (no subgraph)",
  hiddenWithoutSubgraph: (n) => `${n} units not connected yet are hidden.`,

  aboutMeasure: "Definition and caveats",
  unit: "Unit",
  unitName: { agency: "agencies", task: "tasks", organisation: "organisations", enterprise: "enterprises", VND: "đồng" },
  aggregationRule: {
    SUM: "The provinces' figures added up",
    RATIO_OF_SUMS: "A ratio of sums (numerators added, denominators added, then divided), never an average of ratios",
    NONE: "No national total: compare province by province",
  },

  nationalTotal: "National",
  totalOfReporting: "Total of the reporting units",
  noTotalNotAggregable: "This measure has no national total: the provinces' figures cannot be added up.",
  noTotalNoData: "No unit has reported this measure for the chosen year.",
  noTotalUnavailable: "No total: no unit answered with a figure, and some could not be reached; try again later.",
  incomplete: "Incomplete: the total covers the reporting units only; it is not a national figure.",
  complete: "Complete: every unit on the map reported.",
  reportingSentence: (r) =>
    [
      `${r.reported} of ${r.expected} units reported`,
      r.partial ? `${r.partial} in part` : "",
      r.unavailable ? `${r.unavailable} unavailable now` : "",
      r.notReported ? `${r.notReported} connected without figures` : "",
      r.withoutSubgraph ? `${r.withoutSubgraph} not connected` : "",
    ]
      .filter(Boolean)
      .join("; "),

  state: {
    REPORTED: "Reported",
    PARTIAL: "Partly reported",
    NOT_REPORTED: "No data",
    NO_SUBGRAPH: "Not connected",
    UNAVAILABLE: "Unavailable",
  },
  missingMark: {
    NOT_REPORTED: "no data",
    NO_SUBGRAPH: "not connected",
    UNAVAILABLE: "unavailable",
  },

  chartTitle: "Chart by unit",
  chartDescription: (measure, year) => `Bar chart: ${measure}, ${year}, by administrative unit`,
  tableTitle: "Table",
  downloadCsv: "Download the figures (CSV, with sources)",
  colUnit: "Unit",
  colGso: "Code",
  colState: "State",
  colValue: "Figure",
  colSources: "Sources",
  sources: (n) => `Sources (${n})`,
  noSource: "—",
  contributionOf: (name) => `${name}'s figures`,
  document: "Document",
  noDocumentNumber: "unnumbered",
  section: "Section",
  quote: "Verbatim",
  note: "Note",
  period: "Period",
  notCounted: "Not counted in the total",
  reason: "Why",
  billionsAxis: "billion đồng",
  countAxis: (unit) => unit,
  monthTick: (date) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "numeric" }).format(date),
  percentAxis: "share (%)",

  budgetTitle: "S&T funds by phase and funding source, across years",
  budgetIntro: "The budget lines as the documents state them, by year, budget phase and funding source. Phases are never added together: a requested and an allocated amount are the same money at two stages.",
  budgetNoLines: "No budget lines.",
  colYear: "Year",
  colPhase: "Phase",
  colFundingSource: "Source",
  colAmount: "Amount",
  colAsWritten: "As written",
  purpose: "Purpose",
  unknownFundingSource: "source not stated",
  noAmount: "no data",
  phase: { REQUESTED: "Requested", ALLOCATED: "Allocated", ADJUSTED: "Adjusted", DISBURSED: "Disbursed" },
  fundingSource: { CENTRAL: "Central budget", LOCAL: "Local budget", STATE: "State budget (level not stated)", NON_BUDGET: "Outside the budget" },

  tasksTitle: "Key tasks and their deadlines",
  tasksIntro: "Deadlines as the documents give them: a year, a month or a day; a bar spans that whole period.",
  tasksNone: "No key tasks.",
  colDue: "Due",
  colTask: "Task",
  colLead: "Lead unit",
  colStatus: "Status",
  noDueDate: "not stated",
  taskStatus: { PROPOSED: "Proposed", PLANNED: "Planned", ONGOING: "Ongoing", COMPLETED: "Completed" },

  unavailableProvince: (name, reason) => `${name}: unavailable (${reason})`,
  footer: "This page asks only the gateway's GraphQL (/graphql) on this server; every font and script ships with it.",
  graphiqlLink: "Open GraphiQL",
};

export const dictionaries: Record<Language, Dictionary> = { vi, en };
