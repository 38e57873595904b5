/**
 * @sannong/migrants — precise support for reservoir migrants (水库移民精准扶持,
 * 衢政办发〔2016〕65号).
 *
 * @packageDocumentation
 */
export { drawSurveySample, drawSurveySampleInputSchema, surveyHouseholdSchema, surveySeedSchema } from "./survey/drawSurveySample";
export type { DrawSurveySampleInput, DrawSurveySampleResult, SurveyStratumSample } from "./survey/drawSurveySample";
export {
  distributeDividends,
  distributeDividendsInputSchema,
  dividendHolderSchema,
  dividendModeSchema,
} from "./shares/distributeDividends";
export type { DistributeDividendsInput, DistributeDividendsResult, DividendMode, DividendPayout } from "./shares/distributeDividends";
