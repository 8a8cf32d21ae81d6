/**
 * GPU unit economics, per GPU: what it earns a year at a rental price, how
 * long it takes to pay back, and the rent that recovers its cost over a life.
 * Money in USD; rent in USD per GPU-hour; power in kW per GPU (IT load),
 * grossed up by PUE; electricity in USD per MWh.
 */
import { above, between, fraction } from "./checks";
import { annuityFactor } from "./finance";
import { notAvailable } from "./errors";

export const HOURS_PER_YEAR = 8760;

export interface GpuOperation {
  utilisation: number;
  powerKw: number;
  powerUsdPerMwh: number;
  pue: number;
  otherOpexUsdPerYear: number;
}

function checkOperation(o: GpuOperation): void {
  above("utilisation", o.utilisation, 0);
  fraction("utilisation", o.utilisation);
  between("power_kw", o.powerKw, 0, 100, " kW per GPU");
  between("power_usd_per_mwh", o.powerUsdPerMwh, 0, 10_000, " USD per MWh");
  between("pue", o.pue, 1, 5, " (facility ÷ IT power)");
  between("other_opex_usd_per_year", o.otherOpexUsdPerYear, 0, 1e9, " USD a year");
}

/** Cost a year besides the capex: power_kw × pue × 8,760 × utilisation × price ÷ 1,000, plus other opex. */
function runningCostUsdPerYear(o: GpuOperation): number {
  return (o.powerKw * o.pue * HOURS_PER_YEAR * o.utilisation * o.powerUsdPerMwh) / 1000 + o.otherOpexUsdPerYear;
}

/**
 * capex ÷ (rent × 8,760 × utilisation − power cost − other opex), years;
 * #N/A "never pays back" when that margin is not positive.
 */
export function gpuPaybackYears(gpuCapexUsd: number, rentUsdPerHour: number, o: GpuOperation): number {
  between("gpu_capex_usd", gpuCapexUsd, 0, 1e9, " USD");
  between("rent_usd_per_hour", rentUsdPerHour, 0, 10_000, " USD per GPU-hour");
  checkOperation(o);
  const margin = rentUsdPerHour * HOURS_PER_YEAR * o.utilisation - runningCostUsdPerYear(o);
  if (!(margin > 0)) {
    throw notAvailable(
      `never pays back: at USD ${rentUsdPerHour} an hour the GPU earns USD ${Math.round(margin)} a year after power and other opex (not above 0)`,
    );
  }
  return gpuCapexUsd / margin;
}

/**
 * The USD per GPU-hour at which the margin a year, over `usefulLifeYears`
 * (discounted at `discountRate`, end-of-year), recovers the capex:
 * (capex ÷ annuity factor + running cost a year) ÷ (8,760 × utilisation).
 */
export function gpuBreakevenRent(gpuCapexUsd: number, usefulLifeYears: number, o: GpuOperation, discountRate: number): number {
  between("gpu_capex_usd", gpuCapexUsd, 0, 1e9, " USD");
  between("useful_life_years", usefulLifeYears, 0.25, 50, " years");
  checkOperation(o);
  fraction("discount_rate", discountRate);
  const capitalUsdPerYear = gpuCapexUsd / annuityFactor(discountRate, usefulLifeYears);
  return (capitalUsdPerYear + runningCostUsdPerYear(o)) / (HOURS_PER_YEAR * o.utilisation);
}
