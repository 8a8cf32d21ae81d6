import { powerGapGw } from "../src/functions/functions";
import { cell, useSet } from "./helpers";

test("the call's headline: POWER_GAP_GW(2028) = 46 GW (conference call, 2026-02-04)", async () => {
  useSet();
  expect(await cell(() => powerGapGw(2028))).toEqual({ value: 46 });
});
