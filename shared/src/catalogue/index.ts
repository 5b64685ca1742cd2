export {
  LOCAL_CODE_PREFIX,
  type Aggregation,
  type Dimension,
  type Measure,
  type MeasureCatalogue,
  type OfficialCode,
  type PeriodType,
  type ValueType,
} from "./measure.ts";
export {
  CatalogueValidationError,
  defaultCatalogueFile,
  findMeasure,
  isLocalCode,
  loadMeasureCatalogue,
  MEASURE_CODE_PATTERN,
  validateMeasureCatalogue,
} from "./load-measure-catalogue.ts";
