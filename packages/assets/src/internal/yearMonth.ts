import * as z from "zod";
import { addIssue } from "@sannong/core";

const YM = /^(\d{4})-(\d{2})$/;

/** zod schema of a month `YYYY-MM` (1900–2199). @internal */
export const ymSchema = z.string().superRefine((v, ctx) => {
  const m = YM.exec(v);
  const y = m ? Number(m[1]) : 0;
  const mo = m ? Number(m[2]) : 0;
  if (!m || y < 1900 || y > 2199 || mo < 1 || mo > 12) addIssue(ctx, `无效年月 “${v}”（应为 YYYY-MM）`, `invalid month "${v}" (expected YYYY-MM)`, [], "invalid_year_month");
});
