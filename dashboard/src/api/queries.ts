/** The page's four queries, against the gateway's public schema (validated by gateway/src/dashboard/dashboard-queries.test.ts). */

export const CATALOGUE_QUERY = /* GraphQL */ `
  query DashboardCatalogue {
    measureCatalogue {
      version
      measures {
        code nameVi nameEn definition unit valueType periodType aggregation note
        dimensions { id nameVi nameEn values { code nameVi nameEn } }
      }
    }
  }
`;

const SOURCE = "documentNumber documentTitle section quote note";

export const NATIONAL_FIGURE_QUERY = /* GraphQL */ `
  query DashboardNationalFigure($measure: String!, $year: Int!, $validOn: PartialDate, $dimensions: [DimensionFilter!]) {
    nationalFigure(measure: $measure, year: $year, validOn: $validOn, dimensions: $dimensions) {
      year
      validOn
      total { count amountVnd numerator denominator ratio }
      complete
      completeness
      reporting { expected reported partial notReported withoutSubgraph unavailable }
      units {
        province { id name gsoCode }
        state
        value { count amountVnd numerator denominator ratio }
        contributions {
          province { id name gsoCode }
          state
          reason
          value { count amountVnd numerator denominator ratio }
          figures { dimensions { dimension value } value { count amountVnd numerator denominator ratio } periodStart periodEnd sources { ${SOURCE} } }
          excluded { dimensions { dimension value } value { count amountVnd numerator denominator ratio } reason sources { ${SOURCE} } }
        }
      }
    }
  }
`;

const RECORD_SOURCE = "source { section quote note document { number title } }";

export const BUDGETS_QUERY = /* GraphQL */ `
  query DashboardBudgets {
    provinces(hasSubgraph: true) {
      id
      name
      gsoCode
      budgets { id year phase fundingSource amountVnd amountAsWritten asOf purpose note ${RECORD_SOURCE} }
    }
  }
`;

export const KEY_TASKS_QUERY = /* GraphQL */ `
  query DashboardKeyTasks {
    provinces(hasSubgraph: true) {
      id
      name
      gsoCode
      tasks(kind: KEY_TASK) { id year title dueDate leadUnit status note ${RECORD_SOURCE} }
    }
  }
`;
