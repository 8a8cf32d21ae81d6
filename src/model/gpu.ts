/**
 * GPU unit economics, per GPU: what it earns a year at a rental price, how
 * long it takes to pay back, and the rent that recovers its cost over a life.
 * Money in USD; rent in USD per GPU-hour; power in kW per GPU (IT load),
 * grossed up by PUE; electricity in USD per MWh.
 */
import { above, between, fraction, unreachable } from "./checks";
import { annuityFactor } from "./finance";
import { notAvailable } from "./errors";

export const HOURS_PER_YEAR = 8760;

/**
 * How a GPU runs: share of hours billed, IT kW, electricity USD per MWh, PUE
 * and other opex a year. Passed as plain numbers (no object per call: these
 * run once per cell on every recalculation).
 */
function operationValid(utilisation: number, powerKw: number, powerUsdPerMwh: number, pue: number, otherOpexUsdPerYear: number): boolean {
  return (
    utilisation > 0 && utilisation <= 1 && powerKw >= 0 && powerKw <= 100 && powerUsdPerMwh >= 0 && powerUsdPerMwh <= 10_000 &&
    pue >= 1 && pue <= 5 && otherOpexUsdPerYear >= 0 && otherOpexUsdPerYear <= 1e9
  );
}

/** The named checks, run only to explain a refusal (see `unreachable`). */
function checkOperation(utilisation: number, powerKw: number, powerUsdPerMwh: number, pue: number, otherOpexUsdPerYear: number): void {
  above("utilisation", utilisation, 0);
  fraction("utilisation", utilisation);
  between("power_kw", powerKw, 0, 100, " kW per GPU");
  between("power_usd_per_mwh", powerUsdPerMwh, 0, 10_000, " USD per MWh");
  between("pue", pue, 1, 5, " (facility ÷ IT power)");
  between("other_opex_usd_per_year", otherOpexUsdPerYear, 0, 1e9, " USD a year");
}

/** Cost a year besides the capex: power_kw × pue × 8,760 × utilisation × price ÷ 1,000, plus other opex. */
function runningCostUsdPerYear(utilisation: number, powerKw: number, powerUsdPerMwh: number, pue: number, otherOpexUsdPerYear: number): number {
  return (powerKw * pue * HOURS_PER_YEAR * utilisation * powerUsdPerMwh) / 1000 + otherOpexUsdPerYear;
}

function neverPaysBack(rentUsdPerHour: number, margin: number): never {
  throw notAvailable(
    `never pays back: at USD ${rentUsdPerHour} an hour the GPU earns USD ${Math.round(margin)} a year after power and other opex (not above 0)`,
  );
}

/**
 * capex ÷ (rent × 8,760 × utilisation − power cost − other opex), years;
 * #N/A "never pays back" when that margin is not positive.
 */
export function gpuPaybackYears(
  gpuCapexUsd: number,
  rentUsdPerHour: number,
  utilisation: number,
  powerKw: number,
  powerUsdPerMwh: number,
  pue: number,
  otherOpexUsdPerYear: number,
): number {
  if (
    !(gpuCapexUsd >= 0 && gpuCapexUsd <= 1e9 && rentUsdPerHour >= 0 && rentUsdPerHour <= 10_000 &&
      operationValid(utilisation, powerKw, powerUsdPerMwh, pue, otherOpexUsdPerYear))
  ) {
    throw paybackRefused(gpuCapexUsd, rentUsdPerHour, utilisation, powerKw, powerUsdPerMwh, pue, otherOpexUsdPerYear);
  }
  const margin =
    rentUsdPerHour * HOURS_PER_YEAR * utilisation - runningCostUsdPerYear(utilisation, powerKw, powerUsdPerMwh, pue, otherOpexUsdPerYear);
  return margin > 0 ? gpuCapexUsd / margin : neverPaysBack(rentUsdPerHour, margin);
}

/**
 * The USD per GPU-hour at which the margin a year, over `usefulLifeYears`
 * (discounted at `discountRate`, end-of-year), recovers the capex:
 * (capex ÷ annuity factor + running cost a year) ÷ (8,760 × utilisation).
 */
export function gpuBreakevenRent(
  gpuCapexUsd: number,
  usefulLifeYears: number,
  utilisation: number,
  powerKw: number,
  powerUsdPerMwh: number,
  pue: number,
  otherOpexUsdPerYear: number,
  discountRate: number,
): number {
  if (
    !(gpuCapexUsd >= 0 && gpuCapexUsd <= 1e9 && usefulLifeYears >= 0.25 && usefulLifeYears <= 50 && discountRate >= 0 && discountRate <= 1 &&
      operationValid(utilisation, powerKw, powerUsdPerMwh, pue, otherOpexUsdPerYear))
  ) {
    throw breakevenRefused(gpuCapexUsd, usefulLifeYears, utilisation, powerKw, powerUsdPerMwh, pue, otherOpexUsdPerYear, discountRate);
  }
  const capitalUsdPerYear = gpuCapexUsd / annuityFactor(discountRate, usefulLifeYears);
  return (capitalUsdPerYear + runningCostUsdPerYear(utilisation, powerKw, powerUsdPerMwh, pue, otherOpexUsdPerYear)) / (HOURS_PER_YEAR * utilisation);
}

// The named checks of each function, run only to explain a refusal: kept out of the
// function so the valid path stays small enough for the engine to inline whole.

function paybackRefused(capex: number, rent: number, utilisation: number, powerKw: number, price: number, pue: number, opex: number): never {
  between("gpu_capex_usd", capex, 0, 1e9, " USD");
  between("rent_usd_per_hour", rent, 0, 10_000, " USD per GPU-hour");
  checkOperation(utilisation, powerKw, price, pue, opex);
  throw unreachable();
}

function breakevenRefused(capex: number, life: number, utilisation: number, powerKw: number, price: number, pue: number, opex: number, rate: number): never {
  between("gpu_capex_usd", capex, 0, 1e9, " USD");
  between("useful_life_years", life, 0.25, 50, " years");
  checkOperation(utilisation, powerKw, price, pue, opex);
  fraction("discount_rate", rate);
  throw unreachable();
}
