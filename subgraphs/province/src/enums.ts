import { registerEnumType } from "type-graphql";

export enum TaskKind {
  KEY_TASK = "KEY_TASK",
  PROJECT = "PROJECT",
}
export enum TaskLevel {
  NATIONAL = "NATIONAL",
  MINISTRY = "MINISTRY",
  PROVINCIAL = "PROVINCIAL",
  DISTRICT = "DISTRICT",
  GRASSROOTS = "GRASSROOTS",
}
export enum TaskStatus {
  PROPOSED = "PROPOSED",
  PLANNED = "PLANNED",
  ONGOING = "ONGOING",
  COMPLETED = "COMPLETED",
}
export enum Comparator {
  EXACTLY = "EXACTLY",
  AT_LEAST = "AT_LEAST",
  MORE_THAN = "MORE_THAN",
  ABOUT = "ABOUT",
}
export enum FundingSource {
  CENTRAL = "CENTRAL",
  LOCAL = "LOCAL",
  STATE = "STATE",
  NON_BUDGET = "NON_BUDGET",
}
export enum BudgetPhase {
  REQUESTED = "REQUESTED",
  ALLOCATED = "ALLOCATED",
  ADJUSTED = "ADJUSTED",
  DISBURSED = "DISBURSED",
}
export enum QmsTier {
  PROVINCIAL_DISTRICT = "PROVINCIAL_DISTRICT",
  COMMUNE = "COMMUNE",
  OTHER = "OTHER",
  ALL = "ALL",
}
export enum ReportingStatus {
  REPORTED = "REPORTED",
  PLANNED = "PLANNED",
}
export enum IndicatorCategory {
  TASKS = "TASKS",
  BUDGET = "BUDGET",
  STANDARDS = "STANDARDS",
  IP = "IP",
  INSPECTION = "INSPECTION",
  ENTERPRISES = "ENTERPRISES",
  TECHNOLOGY = "TECHNOLOGY",
  RADIATION = "RADIATION",
  INFORMATION = "INFORMATION",
  COOPERATION = "COOPERATION",
  TRAINING = "TRAINING",
  REVENUE = "REVENUE",
  OTHER = "OTHER",
}

registerEnumType(TaskKind, {
  name: "TaskKind",
  valuesConfig: {
    KEY_TASK: { description: "A key task of the year (nhiệm vụ trọng tâm)" },
    PROJECT: { description: "An S&T research or application project (đề tài, dự án KH&CN)" },
  },
});
registerEnumType(TaskLevel, { name: "TaskLevel", description: "The administrative level that manages a task" });
registerEnumType(TaskStatus, {
  name: "TaskStatus",
  valuesConfig: { PROPOSED: { description: "Ordered or proposed, not yet approved (đặt hàng, đề xuất)" } },
});
registerEnumType(Comparator, {
  name: "Comparator",
  description: "How a stated figure bounds the real one: 'ít nhất 01' is AT_LEAST 1, 'hơn 60' MORE_THAN 60, 'khoảng 40' ABOUT 40",
});
registerEnumType(FundingSource, {
  name: "FundingSource",
  valuesConfig: {
    CENTRAL: { description: "Central state budget (ngân sách trung ương)" },
    LOCAL: { description: "Local state budget (ngân sách địa phương)" },
    STATE: { description: "State budget, level not stated (ngân sách nhà nước)" },
    NON_BUDGET: { description: "Outside the state budget: counterpart or private funds (ngoài ngân sách)" },
  },
});
registerEnumType(BudgetPhase, {
  name: "BudgetPhase",
  valuesConfig: {
    REQUESTED: { description: "Requested or proposed (nhu cầu, đề xuất, dự toán)" },
    ALLOCATED: { description: "Allocated or approved (được giao)" },
    ADJUSTED: { description: "Adjusted during the year" },
    DISBURSED: { description: "Used or disbursed (đã sử dụng, giải ngân)" },
  },
});
registerEnumType(QmsTier, {
  name: "QmsTier",
  valuesConfig: {
    PROVINCIAL_DISTRICT: { description: "Provincial and district agencies: mandatory under Decision 19/2014/QĐ-TTg" },
    COMMUNE: { description: "Commune-level agencies: encouraged" },
    OTHER: { description: "Other state agencies: encouraged" },
    ALL: { description: "The source does not split agencies by tier" },
  },
});
registerEnumType(ReportingStatus, { name: "ReportingStatus", description: "Whether a figure reports what happened or what is planned" });
registerEnumType(IndicatorCategory, { name: "IndicatorCategory" });
