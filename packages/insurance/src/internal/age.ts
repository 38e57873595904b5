import { isLeapYear, parseDate, type LegalDate } from "@sannong/core";

/**
 * Age in completed years (周岁) on `date` of a person born on `birth`. A person
 * born on 29 February completes a year on 1 March in common years (the
 * anniversary day does not exist, so the year is complete only once
 * 28 February has passed). Returns a negative number when `date` precedes
 * the birth. @internal
 */
export function ageOn(birth: LegalDate, date: LegalDate): number {
  const b = parseDate(birth);
  const d = parseDate(date);
  let age = d.year - b.year;
  // Compare (month, day) of the date with the birthday, reading 29 Feb as 1 Mar in a common year.
  let bm = b.month;
  let bd = b.day;
  if (bm === 2 && bd === 29 && !isLeapYear(d.year)) {
    bm = 3;
    bd = 1;
  }
  if (d.month < bm || (d.month === bm && d.day < bd)) age -= 1;
  return age;
}
