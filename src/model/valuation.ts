/**
 * Valuation: what a powered, contracted MW is worth. Money in USD m; rents in
 * USD m per MW-year; rates and probabilities as decimals.
 */
import { above, atLeast, between, fraction, unreachable, wholeNumber } from "./checks";
import { annuityFactor, discountFactor } from "./finance";

export function evPerMw(enterpriseValueMusd: number, mw: number): number {
  above("mw", mw, 0, " MW");
  return enterpriseValueMusd / mw;
}

/** (EV − other assets − contracted MW × value per contracted MW) ÷ uncontracted MW. */
export function uncontractedEvPerMw(
  enterpriseValueMusd: number,
  contractedMw: number,
  uncontractedMw: number,
  contractedValueMusdPerMw: number,
  otherAssetsMusd: number,
): number {
  const valid = contractedMw >= 0 && uncontractedMw > 0 && contractedValueMusdPerMw >= 0;
  return valid
    ? (enterpriseValueMusd - otherAssetsMusd - contractedMw * contractedValueMusdPerMw) / uncontractedMw
    : uncontractedEvRefused(contractedMw, uncontractedMw, contractedValueMusdPerMw);
}

function uncontractedEvRefused(c: number, u: number, vc: number): never {
  atLeast("contracted_mw", c, 0, " MW");
  above("uncontracted_mw", u, 0, " MW");
  atLeast("contracted_value_musd_per_mw", vc, 0, " USD m per MW");
  throw unreachable();
}

/**
 * contracted × V_c + uncontracted × (p × V_c + (1 − p) × V_u), USD m. Valid
 * arguments pass one combined test; the named checks (and their messages)
 * run only when it fails, so the common path stays small enough for the
 * engine to inline whole into the cell's call.
 *
 * The test is a conditional expression, not `if (!valid) refused(...)`: the
 * minifier rewrites that statement as `valid || refused(...)`, which V8
 * compiles to slower code (1.9 × the hand-written baseline against 1.5 with
 * the conditional; see bench/scalar.ts). The other checks in the model are
 * written the same way.
 */
export function sotpEv(
  contractedMw: number,
  uncontractedMw: number,
  pContract: number,
  contractedValueMusdPerMw: number,
  uncontractedValueMusdPerMw: number,
): number {
  const valid =
    contractedMw >= 0 && uncontractedMw >= 0 && pContract >= 0 && pContract <= 1 && contractedValueMusdPerMw >= 0 && uncontractedValueMusdPerMw >= 0;
  return valid
    ? contractedMw * contractedValueMusdPerMw + uncontractedMw * (pContract * contractedValueMusdPerMw + (1 - pContract) * uncontractedValueMusdPerMw)
    : sotpEvRefused(contractedMw, uncontractedMw, pContract, contractedValueMusdPerMw, uncontractedValueMusdPerMw);
}

function sotpEvRefused(c: number, u: number, p: number, vc: number, vu: number): never {
  atLeast("contracted_mw", c, 0, " MW");
  atLeast("uncontracted_mw", u, 0, " MW");
  fraction("p_contract", p);
  atLeast("contracted_value_musd_per_mw", vc, 0, " USD m per MW");
  atLeast("uncontracted_value_musd_per_mw", vu, 0, " USD m per MW");
  throw unreachable();
}

/** Contract value ÷ term ÷ MW: USD m per MW-year. */
export function rentPerMw(contractValueMusd: number, termYears: number, mw: number): number {
  return contractValueMusd >= 0 && termYears > 0 && mw > 0 ? contractValueMusd / termYears / mw : rentPerMwRefused(contractValueMusd, termYears, mw);
}

function rentPerMwRefused(value: number, term: number, mw: number): never {
  atLeast("contract_value_musd", value, 0, " USD m");
  above("term_years", term, 0, " years");
  above("mw", mw, 0, " MW");
  throw unreachable();
}

/** USD m per MW-year → USD per kW-month: × 1e6 ÷ 1,000 ÷ 12. */
export function kwMonth(rentMusdPerMwYear: number): number {
  atLeast("rent_musd_per_mw_year", rentMusdPerMwYear, 0, " USD m per MW-year");
  return (rentMusdPerMwYear * 1e6) / 1000 / 12;
}

/**
 * Present value per MW (USD m) of the lease's NOI (rent × margin) over its
 * term, plus, weighted by the renewal probability, a renewal term at the same
 * rent starting when the lease ends. End-of-year cash flows.
 */
export function leaseValuePerMw(
  rentMusdPerMwYear: number,
  termYears: number,
  discountRate: number,
  noiMargin: number,
  renewalProbability: number,
  renewalTermYears: number,
): number {
  atLeast("rent_musd_per_mw_year", rentMusdPerMwYear, 0, " USD m per MW-year");
  wholeNumber("term_years", termYears, 1, 50);
  fraction("discount_rate", discountRate);
  fraction("noi_margin", noiMargin);
  fraction("renewal_probability", renewalProbability);
  wholeNumber("renewal_term_years", renewalTermYears, 0, 50);
  const noi = rentMusdPerMwYear * noiMargin;
  const initial = noi * annuityFactor(discountRate, termYears);
  const renewal =
    renewalProbability * noi * annuityFactor(discountRate, renewalTermYears) * discountFactor(discountRate, termYears);
  return initial + renewal;
}

/**
 * Straight-line charge in year `year` (1-based): capex ÷ life in every full
 * year, the remaining fraction in the last partial year (a 5.5-year life
 * charges half in year 6), 0 after the life.
 */
export function gpuDepreciation(capexMusd: number, usefulLifeYears: number, year: number): number {
  if (!(capexMusd >= 0 && usefulLifeYears >= 0.25 && usefulLifeYears <= 50 && Number.isInteger(year) && year >= 1 && year <= 1000)) {
    atLeast("capex_musd", capexMusd, 0, " USD m");
    between("useful_life_years", usefulLifeYears, 0.25, 50, " years");
    wholeNumber("year", year, 1, 1000);
    throw unreachable();
  }
  return straightLineCharge(capexMusd, usefulLifeYears, year);
}

/** The straight-line charge in `year` (1-based) of an asset with a checked cost and life: the last year takes the fraction left. */
export function straightLineCharge(capexMusd: number, usefulLifeYears: number, year: number): number {
  const fractionOfYear = Math.min(1, Math.max(0, usefulLifeYears - (year - 1)));
  return (capexMusd / usefulLifeYears) * fractionOfYear;
}

/** capex ÷ economic life − capex ÷ book life: the annual overstatement of earnings. */
export function depreciationGap(capexMusd: number, bookLifeYears: number, economicLifeYears: number): number {
  if (!(capexMusd >= 0 && bookLifeYears >= 0.25 && bookLifeYears <= 50 && economicLifeYears >= 0.25 && economicLifeYears <= 50)) {
    atLeast("capex_musd", capexMusd, 0, " USD m");
    between("book_life_years", bookLifeYears, 0.25, 50, " years");
    between("economic_life_years", economicLifeYears, 0.25, 50, " years");
    throw unreachable();
  }
  return capexMusd / economicLifeYears - capexMusd / bookLifeYears;
}
