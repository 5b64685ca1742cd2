import { BudgetLine } from "./budgets/budget-line.entity.ts";
import { DataVersion } from "./data-version/data-version.entity.ts";
import { SourceDocument } from "./documents/source-document.entity.ts";
import { Indicator } from "./indicators/indicator.entity.ts";
import { QmsCoverage } from "./qms/qms-coverage.entity.ts";
import { Evidence } from "./sources/evidence.entity.ts";
import { TaskFunding } from "./tasks/task-funding.entity.ts";
import { Task } from "./tasks/task.entity.ts";

export const entities = [SourceDocument, Task, TaskFunding, BudgetLine, QmsCoverage, Indicator, Evidence, DataVersion];
export { BudgetLine, DataVersion, Evidence, Indicator, QmsCoverage, SourceDocument, Task, TaskFunding };
