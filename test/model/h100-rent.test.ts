/**
 * The H100 rental path in the sets (issue 12, item 5): the published points
 * with their dates, none after a set's vintage, and the value the GPU
 * functions use is the latest point at or before the vintage.
 * Points from reference-figures.md: ~USD 8 an hour (2023) → 2.85 (early 2024)
 * → 1.70 (Oct 2025) → 2.35 (Mar 2026), press.
 */
import { datedPathText } from "../../src/model/assumptions";
import { BUNDLED_SETS } from "../../src/model/sets";

const PUBLISHED: ReadonlyArray<readonly [date: string, usdPerHour: number]> = [
  ["2023", 8],
  ["2024-02", 2.85],
  ["2025-10", 1.7],
  ["2026-03", 2.35],
];
/** The first day a date as YYYY, YYYY-MM or YYYY-MM-DD can mean. */
const firstDay = (date: string) => (date + "-01-01").slice(0, 10);

test.each(BUNDLED_SETS.map((s) => [s.id, s] as const))("%s: the H100 rent's dated path is the published one up to its vintage, and its value the latest point", (_id, set) => {
  const p = set.parameters.gpu_rent_h100_usd_per_hour;
  const expected = PUBLISHED.filter(([date]) => firstDay(date) <= set.vintage);
  expect(p.dated_path?.map((pt) => [pt.date, pt.value])).toEqual(expected);
  expect(p.value).toBe(expected[expected.length - 1][1]);
  for (const pt of p.dated_path ?? []) {
    expect(firstDay(pt.source.date) <= set.vintage).toBe(true);
    expect(pt.source.title).toContain(`USD ${pt.value === 1.7 ? "1.70" : pt.value}`);
  }
});

test("a set dated before March 2026 stays at USD 1.70 (October 2025)", () => {
  const feb = BUNDLED_SETS.find((s) => s.id === "call-2026-02")!;
  expect(feb.vintage < "2026-03-01").toBe(true);
  expect(feb.parameters.gpu_rent_h100_usd_per_hour.value).toBe(1.7);
});

test("the pane shows the dated path as one line, oldest first", () => {
  const p = BUNDLED_SETS[0].parameters.gpu_rent_h100_usd_per_hour;
  expect(datedPathText(p.dated_path!)).toBe("8 (2023) → 2.85 (2024-02) → 1.7 (2025-10)");
});
