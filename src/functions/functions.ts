/**
 * INFRA custom functions: the metadata input file. Each function is a thin
 * wrapper (coerce the arguments, call the model, map errors); its JSDoc is the
 * one source from which functions.json, the help page and the embedded
 * engine's registration are generated. Only top-level `function`
 * declarations here are registered. Parameter names are the ones Excel shows.
 *
 * Each wrapper is followed by its core: a module-level function that coerces
 * the raw arguments and calls the model. `compute`/`withSet` (invoke.ts) run
 * it and map errors; no closure is made per call.
 *
 * `scenario` arguments are declared any[][] (a range is allowed: Excel then
 * hands even a single value as a 1×1 range); custom-functions-metadata reads
 * that type, hence the `any`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as model from "../model";
import { numberList, optionalBoolean, optionalNumber, optionalText, requiredNumber, requiredText } from "./coerce";
import type { CompiledSet } from "../model/compiled-set";
import { compute, withSet, withSetWide, type SetCore } from "./invoke";
import { pairOverrides, scenarioText } from "./scenario-arg";
import { store } from "./store";
import { compareTable, sensitivityTable, type AnalysableRegistry } from "./what-if";

// ───────────────────────────── Energy constraint ─────────────────────────────

/**
 * Cumulative incremental US data-center grid demand from the end of the set's base year through the year given, in grid GW (facility power).
 * @customfunction POWER_DEMAND_GW
 * @helpurl https://localhost:3000/help.html#power_demand_gw
 * @param year Calendar year, e.g. 2028; within the set's path.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Demand added since the base year, GW.
 */
export function powerDemandGw(year: number, scenario?: any[][]) {
  return withSet(scenario, powerDemandCore, year);
}
const powerDemandCore = (set: CompiledSet, year: unknown) => model.powerDemandGw(set, requiredNumber("year", year));

/**
 * Cumulative grid GW available through the year given from one source: grid, construction, gas, fuel_cells, nuclear, miners, storage or diesel.
 * @customfunction POWER_SUPPLY_GW
 * @helpurl https://localhost:3000/help.html#power_supply_gw
 * @param year Calendar year, e.g. 2028; within the set's path.
 * @param source One of "grid", "construction", "gas", "fuel_cells", "nuclear", "miners", "storage", "diesel".
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Supply added since the base year from that source, GW.
 */
export function powerSupplyGw(year: number, source: string, scenario?: any[][]) {
  return withSet(scenario, powerSupplyCore, year, source);
}
const SUPPLY_SOURCE_LIST = model.SUPPLY_SOURCES.join(", ");
const powerSupplyCore = (set: CompiledSet, year: unknown, source: unknown) =>
  model.powerSupplyGw(
    set,
    requiredNumber("year", year),
    model.parseSupplySource(requiredText("source", source, SUPPLY_SOURCE_LIST)),
  );

/**
 * US data-center power shortfall through the year given, in grid GW: demand − grid headroom − sites under construction. Positive = shortfall, negative = surplus.
 * @customfunction POWER_GAP_GW
 * @helpurl https://localhost:3000/help.html#power_gap_gw
 * @param year Calendar year, e.g. 2028; within the set's path.
 * @param [after_solutions] TRUE to subtract gas, fuel cells, nuclear, miners, storage and diesel too. Default FALSE.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Shortfall in GW (negative = surplus).
 */
export function powerGapGw(year: number, after_solutions?: boolean, scenario?: any[][]) {
  return withSet(scenario, powerGapCore, year, after_solutions);
}
const powerGapCore = (set: CompiledSet, year: unknown, afterSolutions: unknown) =>
  model.powerGapGw(set, requiredNumber("year", year), optionalBoolean("after_solutions", afterSolutions, false));

/**
 * Total US data-center electricity use in the year given, TWh a year: the set's base-year use plus the demand added since, at the set's data-center load factor.
 * @customfunction DC_ENERGY_TWH
 * @helpurl https://localhost:3000/help.html#dc_energy_twh
 * @param year Calendar year, e.g. 2028; within the set's path (the base year gives the base-year use).
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Electricity use, TWh a year.
 */
export function dcEnergyTwh(year: number, scenario?: any[][]) {
  return withSet(scenario, dcEnergyCore, year);
}
const dcEnergyCore = (set: CompiledSet, year: unknown) => model.dcEnergyTwh(set, requiredNumber("year", year));

/**
 * Spills the power balance in grid GW: a header row, then one row a year with demand, every source, and the gap before and after solutions.
 * @customfunction POWER_BALANCE
 * @helpurl https://localhost:3000/help.html#power_balance
 * @param [from_year] First year. Default: the year after the set's base year.
 * @param [to_year] Last year. Default: the last year of the set's path.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {any[][]} Table: year, demand_gw, grid_gw … diesel_gw, gap_gw, gap_after_solutions_gw.
 */
export function powerBalance(from_year?: number, to_year?: number, scenario?: any[][]) {
  return withSet(scenario, powerBalanceCore, from_year, to_year);
}
const powerBalanceCore = (set: CompiledSet, fromYear: unknown, toYear: unknown) =>
  model.powerBalance(set, optionalNumber("from_year", fromYear, null), optionalNumber("to_year", toYear, null));

/**
 * Number of nuclear reactors (the call's "plants"; the US has ~94 reactors at ~54 plants) equivalent to gw GW of grid power. Capacity basis: gw ÷ reactor size. Energy basis: gw × data-center load factor ÷ (reactor size × nuclear capacity factor).
 * @customfunction NUCLEAR_EQUIV
 * @helpurl https://localhost:3000/help.html#nuclear_equiv
 * @param gw Grid power in GW, e.g. a POWER_GAP_GW result.
 * @param [basis] "capacity" (default) or "energy".
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Number of reactors.
 */
export function nuclearEquiv(gw: number, basis?: string, scenario?: any[][]) {
  return withSet(scenario, nuclearEquivCore, gw, basis);
}
const nuclearEquivCore = (set: CompiledSet, gw: unknown, basis: unknown) =>
  model.nuclearEquiv(set, requiredNumber("gw", gw), model.parseNuclearBasis(optionalText("basis", basis) ?? "capacity"));

/**
 * Converts energy a year to the installed capacity that draws it at the load factor: twh ÷ (8.76 × load factor), in GW.
 * @customfunction TWH_TO_GW
 * @helpurl https://localhost:3000/help.html#twh_to_gw
 * @param twh Energy in TWh a year (drawn from the grid, so the result is in grid GW).
 * @param [load_factor] Average draw ÷ capacity, a decimal in (0, 1]. Default: the set's data-center load factor.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Installed capacity, grid GW.
 */
export function twhToGw(twh: number, load_factor?: number, scenario?: any[][]) {
  return withSet(scenario, twhToGwCore, twh, load_factor);
}
const twhToGwCore = (set: CompiledSet, twh: unknown, loadFactor: unknown) =>
  model.twhToGw(requiredNumber("twh", twh), optionalNumber("load_factor", loadFactor, set.scalars.dc_load_factor));

/**
 * Converts capacity to energy a year: gw × 8.76 × load factor, in TWh.
 * @customfunction GW_TO_TWH
 * @helpurl https://localhost:3000/help.html#gw_to_twh
 * @param gw Capacity, grid GW (for IT GW, convert with IT_TO_GRID_MW).
 * @param [load_factor] Average draw ÷ capacity, a decimal in (0, 1]. Default: the set's data-center load factor.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Energy in TWh a year.
 */
export function gwToTwh(gw: number, load_factor?: number, scenario?: any[][]) {
  return withSet(scenario, gwToTwhCore, gw, load_factor);
}
const gwToTwhCore = (set: CompiledSet, gw: unknown, loadFactor: unknown) =>
  model.gwToTwh(requiredNumber("gw", gw), optionalNumber("load_factor", loadFactor, set.scalars.dc_load_factor));

/**
 * Converts IT (critical) MW to grid (facility) MW: mw × PUE. Works the same for GW.
 * @customfunction IT_TO_GRID_MW
 * @helpurl https://localhost:3000/help.html#it_to_grid_mw
 * @param mw IT capacity, MW.
 * @param [pue] Power usage effectiveness, grid MW per IT MW, from 1 to 5 (e.g. 1.3). Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Grid capacity, MW.
 */
export function itToGridMw(mw: number, pue?: number, scenario?: any[][]) {
  return withSet(scenario, itToGridCore, mw, pue);
}
const itToGridCore = (set: CompiledSet, mw: unknown, pue: unknown) =>
  model.itToGridMw(requiredNumber("mw", mw), optionalNumber("pue", pue, set.scalars.pue));

/**
 * Converts grid (facility) MW to IT (critical) MW: mw ÷ PUE. Works the same for GW.
 * @customfunction GRID_TO_IT_MW
 * @helpurl https://localhost:3000/help.html#grid_to_it_mw
 * @param mw Grid capacity, MW.
 * @param [pue] Power usage effectiveness, grid MW per IT MW, from 1 to 5 (e.g. 1.3). Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} IT capacity, MW.
 */
export function gridToItMw(mw: number, pue?: number, scenario?: any[][]) {
  return withSet(scenario, gridToItCore, mw, pue);
}
const gridToItCore = (set: CompiledSet, mw: unknown, pue: unknown) =>
  model.gridToItMw(requiredNumber("mw", mw), optionalNumber("pue", pue, set.scalars.pue));

// ───────────────────────────── Leverage and funding ─────────────────────────────

/**
 * USD bn to build capacity_gw grid GW of data centers: capacity_gw × capex per grid MW (USD m per MW). With a source, only that source's share of the set's funding mix.
 * @customfunction AIDC_FUNDING
 * @helpurl https://localhost:3000/help.html#aidc_funding
 * @param capacity_gw Capacity to build, grid GW (for IT GW, convert with IT_TO_GRID_MW).
 * @param [capex_musd_per_mw] All-in cost (shell + IT), USD m per grid MW. Default: the set's.
 * @param [source] A funding source of the set, e.g. "ig_bonds", "private_credit", "equity". Omitted: all sources.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Funding in USD bn.
 */
export function aidcFunding(
  capacity_gw: number,
  capex_musd_per_mw?: number,
  source?: string,
  scenario?: any[][],
) {
  return withSet(scenario, aidcFundingCore, capacity_gw, capex_musd_per_mw, source);
}
const aidcFundingCore = (set: CompiledSet, capacityGw: unknown, capex: unknown, source: unknown) =>
  model.aidcFunding(
    set,
    requiredNumber("capacity_gw", capacityGw),
    optionalNumber("capex_musd_per_mw", capex, null),
    optionalText("source", source),
  );

/**
 * Spills the funding plan in USD bn: a header row, one row a year (year, grid GW added, capex in USD m per grid MW, total, one column per funding source, then debt and equity), then a total row.
 * @customfunction FUNDING_PLAN
 * @helpurl https://localhost:3000/help.html#funding_plan
 * @param [from_year] First year. Default: five years before to_year, inclusive (2026 for 2030: the call's 2026–30 window).
 * @param [to_year] Last year. Default: the last year of the set's path.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {any[][]} Table: year, gw_added, capex_musd_per_mw, total_usd_bn, <source>_usd_bn columns, debt_total_usd_bn, equity_total_usd_bn; last row "total".
 */
export function fundingPlan(from_year?: number, to_year?: number, scenario?: any[][]) {
  return withSet(scenario, fundingPlanCore, from_year, to_year);
}
const fundingPlanCore = (set: CompiledSet, fromYear: unknown, toYear: unknown) =>
  model.fundingPlan(set, optionalNumber("from_year", fromYear, null), optionalNumber("to_year", toYear, null));

/**
 * Debt a project-financed site can carry, USD m: the lesser of ltc × cost and the present value at rate over tenor_years of (noi ÷ dscr) a year.
 * @customfunction PROJECT_DEBT
 * @helpurl https://localhost:3000/help.html#project_debt
 * @param cost_musd Project cost, USD m.
 * @param noi_musd Net operating income, USD m a year.
 * @param [ltc] Loan-to-cost, a decimal (0.8). Default: the set's.
 * @param [dscr] Debt-service coverage ratio, from 1 to 10, e.g. 1.3. Default: the set's.
 * @param [rate] Interest rate, a decimal a year (0.065). Default: the set's.
 * @param [tenor_years] Loan term, whole years. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Debt capacity, USD m.
 */
export function projectDebt(
  cost_musd: number,
  noi_musd: number,
  ltc?: number,
  dscr?: number,
  rate?: number,
  tenor_years?: number,
  scenario?: any[][],
) {
  return withSet(scenario, projectDebtCore, cost_musd, noi_musd, ltc, dscr, rate, tenor_years);
}
const projectDebtCore = (
  set: CompiledSet,
  cost: unknown,
  noi: unknown,
  ltc: unknown,
  dscr: unknown,
  rate: unknown,
  tenor: unknown,
) =>
  model.projectDebt(
    requiredNumber("cost_musd", cost),
    requiredNumber("noi_musd", noi),
    optionalNumber("ltc", ltc, set.scalars.project_ltc),
    optionalNumber("dscr", dscr, set.scalars.project_dscr),
    optionalNumber("rate", rate, set.scalars.project_rate),
    optionalNumber("tenor_years", tenor, set.scalars.project_tenor_years),
  );

// ───────────────────────────── Valuation ─────────────────────────────

/**
 * Enterprise value per MW, USD m per MW (IT MW when mw is IT, as hosting values are quoted).
 * @customfunction EV_PER_MW
 * @helpurl https://localhost:3000/help.html#ev_per_mw
 * @param enterprise_value_musd Enterprise value, USD m.
 * @param mw Capacity, IT MW (greater than 0); for grid MW convert with GRID_TO_IT_MW.
 * @returns {number} USD m per MW.
 */
export function evPerMw(enterprise_value_musd: number, mw: number) {
  return compute(evPerMwCore, enterprise_value_musd, mw);
}
const evPerMwCore = (ev: unknown, mw: unknown) =>
  model.evPerMw(requiredNumber("enterprise_value_musd", ev), requiredNumber("mw", mw));

/**
 * What the market implies for one uncontracted IT MW, USD m per MW: (EV − other assets − contracted_mw × value per contracted MW) ÷ uncontracted_mw. Enterprise value already nets cash: other assets are non-operating assets EV does not net (e.g. bitcoin holdings).
 * @customfunction UNCONTRACTED_EV_PER_MW
 * @helpurl https://localhost:3000/help.html#uncontracted_ev_per_mw
 * @param enterprise_value_musd Enterprise value, USD m.
 * @param contracted_mw Contracted capacity, IT MW.
 * @param uncontracted_mw Uncontracted capacity, IT MW (greater than 0).
 * @param [contracted_value_musd_per_mw] Value of a contracted IT MW, USD m. Default: the set's.
 * @param [other_assets_musd] Non-operating assets EV does not net (e.g. bitcoin holdings; not cash), USD m. Default 0.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Implied USD m per uncontracted MW.
 */
export function uncontractedEvPerMw(
  enterprise_value_musd: number,
  contracted_mw: number,
  uncontracted_mw: number,
  contracted_value_musd_per_mw?: number,
  other_assets_musd?: number,
  scenario?: any[][],
) {
  return withSet(scenario, uncontractedEvCore, enterprise_value_musd, contracted_mw, uncontracted_mw, contracted_value_musd_per_mw, other_assets_musd);
}
const uncontractedEvCore = (
  set: CompiledSet,
  ev: unknown,
  contractedMw: unknown,
  uncontractedMw: unknown,
  contractedValue: unknown,
  otherAssets: unknown,
) =>
  model.uncontractedEvPerMw(
    requiredNumber("enterprise_value_musd", ev),
    requiredNumber("contracted_mw", contractedMw),
    requiredNumber("uncontracted_mw", uncontractedMw),
    optionalNumber("contracted_value_musd_per_mw", contractedValue, set.scalars.contracted_value_musd_per_mw),
    optionalNumber("other_assets_musd", otherAssets, 0),
  );

/**
 * Sum-of-the-parts value, USD m: contracted_mw × V_c + uncontracted_mw × (p × V_c + (1 − p) × V_u), on IT MW (for grid MW convert with GRID_TO_IT_MW).
 * @customfunction SOTP_EV
 * @helpurl https://localhost:3000/help.html#sotp_ev
 * @param contracted_mw Contracted capacity, IT MW.
 * @param uncontracted_mw Uncontracted capacity, IT MW.
 * @param [p_contract] Probability an uncontracted MW signs, a decimal. Default: the set's.
 * @param [contracted_value_musd_per_mw] V_c, USD m per IT MW. Default: the set's.
 * @param [uncontracted_value_musd_per_mw] V_u, USD m per IT MW. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Enterprise value, USD m.
 */
export function sotpEv(
  contracted_mw: number,
  uncontracted_mw: number,
  p_contract?: number,
  contracted_value_musd_per_mw?: number,
  uncontracted_value_musd_per_mw?: number,
  scenario?: any[][],
) {
  return withSet(scenario, sotpEvCore, contracted_mw, uncontracted_mw, p_contract, contracted_value_musd_per_mw, uncontracted_value_musd_per_mw);
}
const sotpEvCore = (
  set: CompiledSet,
  contractedMw: unknown,
  uncontractedMw: unknown,
  pContract: unknown,
  contractedValue: unknown,
  uncontractedValue: unknown,
) =>
  model.sotpEv(
    requiredNumber("contracted_mw", contractedMw),
    requiredNumber("uncontracted_mw", uncontractedMw),
    optionalNumber("p_contract", pContract, set.scalars.p_contract),
    optionalNumber("contracted_value_musd_per_mw", contractedValue, set.scalars.contracted_value_musd_per_mw),
    optionalNumber("uncontracted_value_musd_per_mw", uncontractedValue, set.scalars.uncontracted_value_musd_per_mw),
  );

/**
 * Rent of a hosting lease, USD m per MW-year: contract value ÷ term ÷ MW.
 * @customfunction RENT_PER_MW
 * @helpurl https://localhost:3000/help.html#rent_per_mw
 * @param contract_value_musd Total contract value, USD m.
 * @param term_years Lease term, years.
 * @param mw Leased capacity, IT MW.
 * @returns {number} USD m per IT MW-year.
 */
export function rentPerMw(contract_value_musd: number, term_years: number, mw: number) {
  return compute(rentPerMwCore, contract_value_musd, term_years, mw);
}
const rentPerMwCore = (value: unknown, term: unknown, mw: unknown) =>
  model.rentPerMw(requiredNumber("contract_value_musd", value), requiredNumber("term_years", term), requiredNumber("mw", mw));

/**
 * A rent in USD m per IT MW-year expressed in USD per IT kW-month (× 1e6 ÷ 1,000 ÷ 12), the unit colocation leases are quoted in.
 * @customfunction KW_MONTH
 * @helpurl https://localhost:3000/help.html#kw_month
 * @param rent_musd_per_mw_year Rent, USD m per IT MW-year (e.g. a RENT_PER_MW result).
 * @returns {number} USD per IT kW-month.
 */
export function kwMonth(rent_musd_per_mw_year: number) {
  return compute(kwMonthCore, rent_musd_per_mw_year);
}
const kwMonthCore = (rent: unknown) => model.kwMonth(requiredNumber("rent_musd_per_mw_year", rent));

/**
 * Present value per IT MW, USD m, of a lease's NOI over its term plus, weighted by the renewal probability, a renewal term at the same rent. End-of-year cash flows.
 * @customfunction LEASE_VALUE_PER_MW
 * @helpurl https://localhost:3000/help.html#lease_value_per_mw
 * @param rent_musd_per_mw_year Rent, USD m per IT MW-year.
 * @param term_years Lease term, whole years.
 * @param [discount_rate] Discount rate, a decimal a year. Default: the set's.
 * @param [noi_margin] NOI ÷ rent, a decimal. Default: the set's.
 * @param [renewal_probability] Probability the lease renews, a decimal. Default: the set's.
 * @param [renewal_term_years] Renewal term, whole years. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Present value, USD m per MW.
 */
export function leaseValuePerMw(
  rent_musd_per_mw_year: number,
  term_years: number,
  discount_rate?: number,
  noi_margin?: number,
  renewal_probability?: number,
  renewal_term_years?: number,
  scenario?: any[][],
) {
  return withSet(scenario, leaseValueCore, rent_musd_per_mw_year, term_years, discount_rate, noi_margin, renewal_probability, renewal_term_years);
}
const leaseValueCore = (
  set: CompiledSet,
  rent: unknown,
  term: unknown,
  discountRate: unknown,
  noiMargin: unknown,
  renewalProbability: unknown,
  renewalTerm: unknown,
) =>
  model.leaseValuePerMw(
    requiredNumber("rent_musd_per_mw_year", rent),
    requiredNumber("term_years", term),
    optionalNumber("discount_rate", discountRate, set.scalars.discount_rate),
    optionalNumber("noi_margin", noiMargin, set.scalars.noi_margin),
    optionalNumber("renewal_probability", renewalProbability, set.scalars.renewal_probability),
    optionalNumber("renewal_term_years", renewalTerm, set.scalars.renewal_term_years),
  );

/**
 * Straight-line depreciation charge in the year given (1-based), USD m; 0 after the useful life.
 * @customfunction GPU_DEPRECIATION
 * @helpurl https://localhost:3000/help.html#gpu_depreciation
 * @param capex_musd Cost of the GPUs/servers, USD m.
 * @param useful_life_years Useful life, years (fractions allowed: 5.5).
 * @param [year] Year of the charge, 1-based. Default 1.
 * @returns {number} Depreciation charge, USD m.
 */
export function gpuDepreciation(capex_musd: number, useful_life_years: number, year?: number) {
  return compute(gpuDepreciationCore, capex_musd, useful_life_years, year);
}
const gpuDepreciationCore = (capex: unknown, life: unknown, year: unknown) =>
  model.gpuDepreciation(
    requiredNumber("capex_musd", capex),
    requiredNumber("useful_life_years", life),
    optionalNumber("year", year, 1),
  );

/**
 * Earnings overstatement a year when books depreciate over a longer life than the economic one, USD m a year: capex ÷ economic life − capex ÷ book life. Holds within the economic life of a fleet that is not growing; a growing fleet's gap differs year by year.
 * @customfunction DEPRECIATION_GAP
 * @helpurl https://localhost:3000/help.html#depreciation_gap
 * @param capex_musd Cost of the GPUs/servers, USD m.
 * @param book_life_years Useful life in the accounts, years (e.g. 6).
 * @param economic_life_years Economic life, years (e.g. 3).
 * @returns {number} Overstatement, USD m a year (negative if the book life is shorter).
 */
export function depreciationGap(capex_musd: number, book_life_years: number, economic_life_years: number) {
  return compute(depreciationGapCore, capex_musd, book_life_years, economic_life_years);
}
const depreciationGapCore = (capex: unknown, bookLife: unknown, economicLife: unknown) =>
  model.depreciationGap(
    requiredNumber("capex_musd", capex),
    requiredNumber("book_life_years", bookLife),
    requiredNumber("economic_life_years", economicLife),
  );

// ───────────────────────────── Analyses: returns, market, power cost, GPUs, fleet ─────────────────────────────

/**
 * Spills a hosting lease's cash flows per IT MW, USD m: a header, then one row a year from 0 (the build) to the term: rent, NOI, debt drawn, interest, principal, debt service, balance, unlevered and equity cash flow. End-of-year flows, so Excel's IRR and NPV work on its columns.
 * @customfunction LEASE_CASHFLOWS
 * @helpurl https://localhost:3000/help.html#lease_cashflows
 * @param rent_musd_per_mw_year Rent in year 1, USD m per IT MW-year (e.g. a RENT_PER_MW result).
 * @param term_years Lease term, whole years (1–50).
 * @param capex_musd_per_mw Build cost at year 0, USD m per IT MW.
 * @param [noi_margin] NOI ÷ rent, a decimal. Default: the set's.
 * @param [escalator] Rent growth a year from year 2, a decimal (0.03). Default 0.
 * @param [terminal_value_musd_per_mw] Value of the site at the end of the term, USD m per IT MW. Default 0.
 * @param [ltc] Loan-to-cost drawn at year 0, a decimal. Default: the set's project-finance ltc.
 * @param [rate] Interest rate, a decimal a year. Default: the set's project-finance rate.
 * @param [tenor_years] Loan term, whole years, level annual payments; a balance left at the lease's end is repaid then. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {any[][]} Table: year, rent, noi, debt_drawn, interest, principal, debt_service, debt_balance, unlevered_cf, equity_cf.
 */
export function leaseCashflows(
  rent_musd_per_mw_year: number,
  term_years: number,
  capex_musd_per_mw: number,
  noi_margin?: number,
  escalator?: number,
  terminal_value_musd_per_mw?: number,
  ltc?: number,
  rate?: number,
  tenor_years?: number,
  scenario?: any[][],
) {
  return withSetWide(scenario, leaseCashflowsCore, rent_musd_per_mw_year, term_years, capex_musd_per_mw, noi_margin, escalator, terminal_value_musd_per_mw, ltc, rate, tenor_years);
}
const leaseTerms = (set: CompiledSet, rent: unknown, term: unknown, capex: unknown, margin: unknown, escalator: unknown, terminal: unknown): model.LeaseTerms => ({
  rentMusdPerMwYear: requiredNumber("rent_musd_per_mw_year", rent),
  termYears: requiredNumber("term_years", term),
  capexMusdPerMw: requiredNumber("capex_musd_per_mw", capex),
  noiMargin: optionalNumber("noi_margin", margin, set.scalars.noi_margin),
  escalator: optionalNumber("escalator", escalator, 0),
  terminalValueMusdPerMw: optionalNumber("terminal_value_musd_per_mw", terminal, 0),
});
const debtTerms = (set: CompiledSet, ltc: unknown, rate: unknown, tenor: unknown): model.DebtTerms => ({
  ltc: optionalNumber("ltc", ltc, set.scalars.project_ltc),
  rate: optionalNumber("rate", rate, set.scalars.project_rate),
  tenorYears: optionalNumber("tenor_years", tenor, set.scalars.project_tenor_years),
});
const leaseCashflowsCore = (
  set: CompiledSet,
  rent: unknown,
  term: unknown,
  capex: unknown,
  margin: unknown,
  escalator: unknown,
  terminal: unknown,
  ltc: unknown,
  rate: unknown,
  tenor: unknown,
) => model.leaseCashflows(leaseTerms(set, rent, term, capex, margin, escalator, terminal), debtTerms(set, ltc, rate, tenor));

/**
 * Unlevered IRR of a hosting lease per IT MW, a decimal a year: −capex at year 0, then NOI = rent × (1 + escalator)^(t−1) × margin for t = 1…term, plus the terminal value at the term. #N/A with the reason when no IRR exists.
 * @customfunction LEASE_IRR
 * @helpurl https://localhost:3000/help.html#lease_irr
 * @param rent_musd_per_mw_year Rent in year 1, USD m per IT MW-year.
 * @param term_years Lease term, whole years (1–50).
 * @param capex_musd_per_mw Build cost at year 0, USD m per IT MW.
 * @param [noi_margin] NOI ÷ rent, a decimal. Default: the set's.
 * @param [escalator] Rent growth a year from year 2, a decimal. Default 0.
 * @param [terminal_value_musd_per_mw] Value of the site at the end of the term, USD m per IT MW. Default 0.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} IRR, a decimal a year.
 */
export function leaseIrr(
  rent_musd_per_mw_year: number,
  term_years: number,
  capex_musd_per_mw: number,
  noi_margin?: number,
  escalator?: number,
  terminal_value_musd_per_mw?: number,
  scenario?: any[][],
) {
  return withSet(scenario, leaseIrrCore, rent_musd_per_mw_year, term_years, capex_musd_per_mw, noi_margin, escalator, terminal_value_musd_per_mw);
}
const leaseIrrCore = (set: CompiledSet, rent: unknown, term: unknown, capex: unknown, margin: unknown, escalator: unknown, terminal: unknown) =>
  model.leaseIrr(leaseTerms(set, rent, term, capex, margin, escalator, terminal));

/**
 * Equity IRR of a hosting lease per IT MW, a decimal a year: debt of ltc × capex at year 0, level annual payments at rate over tenor_years, any balance left at the lease's end repaid then. #N/A with the reason when no IRR or several exist.
 * @customfunction LEASE_EQUITY_IRR
 * @helpurl https://localhost:3000/help.html#lease_equity_irr
 * @param rent_musd_per_mw_year Rent in year 1, USD m per IT MW-year.
 * @param term_years Lease term, whole years (1–50).
 * @param capex_musd_per_mw Build cost at year 0, USD m per IT MW.
 * @param [noi_margin] NOI ÷ rent, a decimal. Default: the set's.
 * @param [escalator] Rent growth a year from year 2, a decimal. Default 0.
 * @param [terminal_value_musd_per_mw] Value of the site at the end of the term, USD m per IT MW. Default 0.
 * @param [ltc] Loan-to-cost, a decimal below 1. Default: the set's project-finance ltc.
 * @param [rate] Interest rate, a decimal a year. Default: the set's project-finance rate.
 * @param [tenor_years] Loan term, whole years. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Equity IRR, a decimal a year.
 */
export function leaseEquityIrr(
  rent_musd_per_mw_year: number,
  term_years: number,
  capex_musd_per_mw: number,
  noi_margin?: number,
  escalator?: number,
  terminal_value_musd_per_mw?: number,
  ltc?: number,
  rate?: number,
  tenor_years?: number,
  scenario?: any[][],
) {
  return withSetWide(scenario, leaseEquityIrrCore, rent_musd_per_mw_year, term_years, capex_musd_per_mw, noi_margin, escalator, terminal_value_musd_per_mw, ltc, rate, tenor_years);
}
const leaseEquityIrrCore = (
  set: CompiledSet,
  rent: unknown,
  term: unknown,
  capex: unknown,
  margin: unknown,
  escalator: unknown,
  terminal: unknown,
  ltc: unknown,
  rate: unknown,
  tenor: unknown,
) => model.leaseEquityIrr(leaseTerms(set, rent, term, capex, margin, escalator, terminal), debtTerms(set, ltc, rate, tenor));

/**
 * First-year yield on cost of a hosting lease: rent × NOI margin ÷ capex, a decimal.
 * @customfunction YIELD_ON_COST
 * @helpurl https://localhost:3000/help.html#yield_on_cost
 * @param rent_musd_per_mw_year Rent in year 1, USD m per IT MW-year.
 * @param capex_musd_per_mw Build cost, USD m per IT MW.
 * @param [noi_margin] NOI ÷ rent, a decimal. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} First-year NOI ÷ capex, a decimal.
 */
export function yieldOnCost(rent_musd_per_mw_year: number, capex_musd_per_mw: number, noi_margin?: number, scenario?: any[][]) {
  return withSet(scenario, yieldOnCostCore, rent_musd_per_mw_year, capex_musd_per_mw, noi_margin);
}
const yieldOnCostCore = (set: CompiledSet, rent: unknown, capex: unknown, margin: unknown) =>
  model.yieldOnCost(
    requiredNumber("rent_musd_per_mw_year", rent),
    requiredNumber("capex_musd_per_mw", capex),
    optionalNumber("noi_margin", margin, set.scalars.noi_margin),
  );

/**
 * The signing probability the market implies: the p at which SOTP_EV equals EV − other assets. MW and values per IT MW. Returned outside 0–1 too: above 1 the market pays more than a certain contract, below 0 less than bare power.
 * @customfunction IMPLIED_P_CONTRACT
 * @helpurl https://localhost:3000/help.html#implied_p_contract
 * @param enterprise_value_musd Enterprise value, USD m.
 * @param contracted_mw Contracted capacity, IT MW.
 * @param uncontracted_mw Uncontracted capacity, IT MW (greater than 0).
 * @param [contracted_value_musd_per_mw] V_c, USD m per IT MW. Default: the set's.
 * @param [uncontracted_value_musd_per_mw] V_u, USD m per IT MW. Default: the set's.
 * @param [other_assets_musd] Assets outside the MW (e.g. bitcoin held), USD m. Default 0.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Implied probability, a decimal (may lie outside 0–1).
 */
export function impliedPContract(
  enterprise_value_musd: number,
  contracted_mw: number,
  uncontracted_mw: number,
  contracted_value_musd_per_mw?: number,
  uncontracted_value_musd_per_mw?: number,
  other_assets_musd?: number,
  scenario?: any[][],
) {
  return withSet(scenario, impliedPCore, enterprise_value_musd, contracted_mw, uncontracted_mw, contracted_value_musd_per_mw, uncontracted_value_musd_per_mw, other_assets_musd);
}
const impliedPCore = (set: CompiledSet, ev: unknown, c: unknown, u: unknown, vc: unknown, vu: unknown, other: unknown) =>
  model.impliedPContract(
    requiredNumber("enterprise_value_musd", ev),
    requiredNumber("contracted_mw", c),
    requiredNumber("uncontracted_mw", u),
    optionalNumber("contracted_value_musd_per_mw", vc, set.scalars.contracted_value_musd_per_mw),
    optionalNumber("uncontracted_value_musd_per_mw", vu, set.scalars.uncontracted_value_musd_per_mw),
    optionalNumber("other_assets_musd", other, 0),
  );


/**
 * A miner's equity value per share from its pipeline, USD: (contracted_mw × V_c + the rest of the pipeline × (p × V_c + (1 − p) × V_u) − capex still to spend − net debt) ÷ shares. The pipeline is operating + under construction + in development, IT MW.
 * @customfunction MINER_VALUE_PER_SHARE
 * @helpurl https://localhost:3000/help.html#miner_value_per_share
 * @param operating_mw Operating capacity, IT MW.
 * @param construction_mw Capacity under construction, IT MW.
 * @param development_mw Capacity in development (power secured, not yet building), IT MW.
 * @param contracted_mw Of the pipeline, the IT MW under signed leases.
 * @param net_debt_musd Net debt, USD m (negative for net cash).
 * @param shares_m Diluted shares, millions.
 * @param [capex_to_spend_musd] Capex still to spend to deliver the pipeline, USD m. Default 0.
 * @param [p_contract] Probability an uncontracted MW signs, a decimal. Default: the set's.
 * @param [contracted_value_musd_per_mw] V_c, USD m per IT MW. Default: the set's.
 * @param [uncontracted_value_musd_per_mw] V_u, USD m per IT MW. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Equity value per share, USD.
 */
export function minerValuePerShare(
  operating_mw: number,
  construction_mw: number,
  development_mw: number,
  contracted_mw: number,
  net_debt_musd: number,
  shares_m: number,
  capex_to_spend_musd?: number,
  p_contract?: number,
  contracted_value_musd_per_mw?: number,
  uncontracted_value_musd_per_mw?: number,
  scenario?: any[][],
) {
  return withSetWide(scenario, minerValueCore, operating_mw, construction_mw, development_mw, contracted_mw, net_debt_musd, shares_m, capex_to_spend_musd, p_contract, contracted_value_musd_per_mw, uncontracted_value_musd_per_mw);
}
const minerValueCore = (
  set: CompiledSet,
  operating: unknown,
  construction: unknown,
  development: unknown,
  contracted: unknown,
  netDebt: unknown,
  shares: unknown,
  capex: unknown,
  p: unknown,
  vc: unknown,
  vu: unknown,
) =>
  model.minerValuePerShare(
    requiredNumber("operating_mw", operating),
    requiredNumber("construction_mw", construction),
    requiredNumber("development_mw", development),
    requiredNumber("contracted_mw", contracted),
    requiredNumber("net_debt_musd", netDebt),
    requiredNumber("shares_m", shares),
    optionalNumber("capex_to_spend_musd", capex, 0),
    optionalNumber("p_contract", p, set.scalars.p_contract),
    optionalNumber("contracted_value_musd_per_mw", vc, set.scalars.contracted_value_musd_per_mw),
    optionalNumber("uncontracted_value_musd_per_mw", vu, set.scalars.uncontracted_value_musd_per_mw),
  );

/**
 * The signing probability a miner's share price implies: the p at which MINER_VALUE_PER_SHARE equals the price. Returned outside 0–1 too: above 1 the price asks for more than every MW signed.
 * @customfunction MINER_IMPLIED_P_CONTRACT
 * @helpurl https://localhost:3000/help.html#miner_implied_p_contract
 * @param share_price_usd Share price, USD.
 * @param operating_mw Operating capacity, IT MW.
 * @param construction_mw Capacity under construction, IT MW.
 * @param development_mw Capacity in development, IT MW.
 * @param contracted_mw Of the pipeline, the IT MW under signed leases (less than the pipeline).
 * @param net_debt_musd Net debt, USD m (negative for net cash).
 * @param shares_m Diluted shares, millions.
 * @param [capex_to_spend_musd] Capex still to spend to deliver the pipeline, USD m. Default 0.
 * @param [contracted_value_musd_per_mw] V_c, USD m per IT MW. Default: the set's.
 * @param [uncontracted_value_musd_per_mw] V_u, USD m per IT MW. Default: the set's.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Implied probability, a decimal (may lie outside 0–1).
 */
export function minerImpliedPContract(
  share_price_usd: number,
  operating_mw: number,
  construction_mw: number,
  development_mw: number,
  contracted_mw: number,
  net_debt_musd: number,
  shares_m: number,
  capex_to_spend_musd?: number,
  contracted_value_musd_per_mw?: number,
  uncontracted_value_musd_per_mw?: number,
  scenario?: any[][],
) {
  return withSetWide(scenario, minerImpliedPCore, share_price_usd, operating_mw, construction_mw, development_mw, contracted_mw, net_debt_musd, shares_m, capex_to_spend_musd, contracted_value_musd_per_mw, uncontracted_value_musd_per_mw);
}
const minerImpliedPCore = (
  set: CompiledSet,
  price: unknown,
  operating: unknown,
  construction: unknown,
  development: unknown,
  contracted: unknown,
  netDebt: unknown,
  shares: unknown,
  capex: unknown,
  vc: unknown,
  vu: unknown,
) =>
  model.minerImpliedPContract(
    requiredNumber("share_price_usd", price),
    requiredNumber("operating_mw", operating),
    requiredNumber("construction_mw", construction),
    requiredNumber("development_mw", development),
    requiredNumber("contracted_mw", contracted),
    requiredNumber("net_debt_musd", netDebt),
    requiredNumber("shares_m", shares),
    optionalNumber("capex_to_spend_musd", capex, 0),
    optionalNumber("contracted_value_musd_per_mw", vc, set.scalars.contracted_value_musd_per_mw),
    optionalNumber("uncontracted_value_musd_per_mw", vu, set.scalars.uncontracted_value_musd_per_mw),
  );

const SOLUTION_LIST = model.SOLUTION_TECHNOLOGIES.join(", ");

/**
 * USD bn to build gw of one time-to-power solution: gw × build cost (USD per grid kW) ÷ 1,000.
 * @customfunction POWER_SOLUTION_COST
 * @helpurl https://localhost:3000/help.html#power_solution_cost
 * @param source One of "gas" (combined cycle), "gas_engines" (reciprocating), "fuel_cells", "nuclear" (restart), "miners" (conversion), "storage" (4-hour battery), "diesel".
 * @param gw Capacity to build, grid GW.
 * @param [capex_usd_per_kw] Build cost, USD per grid kW of supply (the basis of gw). Default: the set's for that source.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Cost, USD bn.
 */
export function powerSolutionCost(source: string, gw: number, capex_usd_per_kw?: number, scenario?: any[][]) {
  return withSet(scenario, powerSolutionCostCore, source, gw, capex_usd_per_kw);
}
const powerSolutionCostCore = (set: CompiledSet, source: unknown, gw: unknown, capex: unknown) => {
  const tech = model.parseSolutionTechnology(requiredText("source", source, SOLUTION_LIST));
  return model.powerSolutionCost(requiredNumber("gw", gw), optionalNumber("capex_usd_per_kw", capex, null) ?? model.solutionCapexUsdPerKw(set, tech));
};

/**
 * USD bn to build the time-to-power solutions the set counts through year (gas, fuel cells, nuclear, miners, storage, diesel: each one's grid GW × its build cost per grid kW). With source, that solution's part only.
 * @customfunction POWER_GAP_COST
 * @helpurl https://localhost:3000/help.html#power_gap_cost
 * @param year Calendar year, e.g. 2028; within the set's path.
 * @param [source] One of "gas", "fuel_cells", "nuclear", "miners", "storage", "diesel". Omitted: all of them.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Cost, USD bn.
 */
export function powerGapCost(year: number, source?: string, scenario?: any[][]) {
  return withSet(scenario, powerGapCostCore, year, source);
}
const powerGapCostCore = (set: CompiledSet, year: unknown, source: unknown) => {
  const text = optionalText("source", source);
  const y = requiredNumber("year", year);
  return model.powerGapCost(set, y, text === null ? null : gapCostSource(text, y));
};

/**
 * The solution `source` names. A set's id or a handle to one in its place (as
 * in POWER_GAP_COST(year, [scenario])) is refused with where the set goes.
 */
function gapCostSource(text: string, year: number): model.SolutionTechnology {
  try {
    return model.parseSolutionTechnology(text);
  } catch (e) {
    if (!namesASet(text)) throw e;
    throw model.notAvailable(
      `"${text}" names an assumption set, not a time-to-power solution: name the set third, POWER_GAP_COST(${year}, , "${text}"); the source, second, is one of ${model.GAP_SOLUTIONS.join(", ")}`,
    );
  }
}

/**
 * Whether `text` is the id of a set this workbook can use, or a SCENARIO handle
 * (`id;name=value…`, `id#hash…`) built on one. Read from the ids alone: nothing
 * is derived or cached for a text that is only being described.
 */
function namesASet(text: string): boolean {
  const base = text.trim().toLowerCase().split(/[;#]/, 1)[0].trim();
  return store.knownIds().includes(base);
}

/**
 * Spills POWER_GAP_COST by source: a header, one row per time-to-power solution the set counts (gas, fuel cells, nuclear, miners, storage, diesel) with its grid GW through year, its build cost per grid kW and its cost in USD bn, then a total row whose cost equals POWER_GAP_COST(year).
 * @customfunction POWER_GAP_COST_TABLE
 * @helpurl https://localhost:3000/help.html#power_gap_cost_table
 * @param year Calendar year, e.g. 2028; within the set's path.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {any[][]} Table: source, gw, capex_usd_per_kw, cost_usd_bn; the total row's capex_usd_per_kw is the GW-weighted average.
 */
export function powerGapCostTable(year: number, scenario?: any[][]) {
  return withSet(scenario, powerGapCostTableCore, year);
}
const powerGapCostTableCore = (set: CompiledSet, year: unknown) => model.powerGapCostTable(set, requiredNumber("year", year));

/**
 * Months from decision to power for one time-to-power solution, from the set.
 * @customfunction TIME_TO_POWER_MONTHS
 * @helpurl https://localhost:3000/help.html#time_to_power_months
 * @param source One of "gas", "gas_engines", "fuel_cells", "nuclear", "miners", "storage", "diesel".
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Lead time, months.
 */
export function timeToPowerMonths(source: string, scenario?: any[][]) {
  return withSet(scenario, timeToPowerCore, source);
}
const timeToPowerCore = (set: CompiledSet, source: unknown) =>
  model.timeToPowerMonths(set, model.parseSolutionTechnology(requiredText("source", source, SOLUTION_LIST)));


/**
 * Years for a rented GPU to pay back its cost: capex ÷ (rent × 8,760 × utilisation − power_kw × pue × 8,760 × utilisation × price ÷ 1,000 − other opex). #N/A "never pays back" when that margin is not positive.
 * @customfunction GPU_PAYBACK_YEARS
 * @helpurl https://localhost:3000/help.html#gpu_payback_years
 * @param gpu_capex_usd Cost of one GPU with its share of the server, USD.
 * @param [rent_usd_per_hour] Rental price, USD per GPU-hour. Default: the set's H100 rent, the latest published point of its dated path at or before the set's vintage.
 * @param [utilisation] Share of hours billed, a decimal in (0, 1]. Default: the set's.
 * @param [power_kw] IT power per GPU, kW. Default: the set's.
 * @param [power_usd_per_mwh] Electricity price, USD per MWh. Default: the set's.
 * @param [pue] Facility power ÷ IT power (1 or more). Default: the set's.
 * @param [other_opex_usd_per_year] Other running costs per GPU, USD a year. Default 0.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Payback, years.
 */
export function gpuPaybackYears(
  gpu_capex_usd: number,
  rent_usd_per_hour?: number,
  utilisation?: number,
  power_kw?: number,
  power_usd_per_mwh?: number,
  pue?: number,
  other_opex_usd_per_year?: number,
  scenario?: any[][],
) {
  return withSetWide(scenario, gpuPaybackCore, gpu_capex_usd, rent_usd_per_hour, utilisation, power_kw, power_usd_per_mwh, pue, other_opex_usd_per_year);
}
const gpuPaybackCore = (set: CompiledSet, capex: unknown, rent: unknown, utilisation: unknown, powerKw: unknown, price: unknown, pue: unknown, opex: unknown) => {
  const s = set.scalars;
  return model.gpuPaybackYears(
    requiredNumber("gpu_capex_usd", capex),
    optionalNumber("rent_usd_per_hour", rent, s.gpu_rent_h100_usd_per_hour),
    optionalNumber("utilisation", utilisation, s.gpu_utilisation),
    optionalNumber("power_kw", powerKw, s.gpu_power_kw),
    optionalNumber("power_usd_per_mwh", price, s.power_price_usd_per_mwh),
    optionalNumber("pue", pue, s.pue),
    optionalNumber("other_opex_usd_per_year", opex, 0),
  );
};

/**
 * The rental price at which a GPU recovers its cost over its useful life, USD per GPU-hour: (capex ÷ annuity factor at the discount rate + power and other opex a year) ÷ (8,760 × utilisation).
 * @customfunction GPU_BREAKEVEN_RENT
 * @helpurl https://localhost:3000/help.html#gpu_breakeven_rent
 * @param gpu_capex_usd Cost of one GPU with its share of the server, USD.
 * @param useful_life_years Years over which the cost must be recovered (fractions allowed).
 * @param [utilisation] Share of hours billed, a decimal in (0, 1]. Default: the set's.
 * @param [power_kw] IT power per GPU, kW. Default: the set's.
 * @param [power_usd_per_mwh] Electricity price, USD per MWh. Default: the set's.
 * @param [pue] Facility power ÷ IT power (1 or more). Default: the set's.
 * @param [other_opex_usd_per_year] Other running costs per GPU, USD a year. Default 0.
 * @param [discount_rate] Return required on the capex, a decimal a year. Default 0 (straight recovery).
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Break-even rent, USD per GPU-hour. Compare it with the set's H100 rent, ASSUMPTION("gpu_rent_h100_usd_per_hour"): the latest published point of its dated path at or before the set's vintage.
 */
export function gpuBreakevenRent(
  gpu_capex_usd: number,
  useful_life_years: number,
  utilisation?: number,
  power_kw?: number,
  power_usd_per_mwh?: number,
  pue?: number,
  other_opex_usd_per_year?: number,
  discount_rate?: number,
  scenario?: any[][],
) {
  return withSetWide(scenario, gpuBreakevenCore, gpu_capex_usd, useful_life_years, utilisation, power_kw, power_usd_per_mwh, pue, other_opex_usd_per_year, discount_rate);
}
const gpuBreakevenCore = (
  set: CompiledSet,
  capex: unknown,
  life: unknown,
  utilisation: unknown,
  powerKw: unknown,
  price: unknown,
  pue: unknown,
  opex: unknown,
  rate: unknown,
) =>
  model.gpuBreakevenRent(
    requiredNumber("gpu_capex_usd", capex),
    requiredNumber("useful_life_years", life),
    optionalNumber("utilisation", utilisation, set.scalars.gpu_utilisation),
    optionalNumber("power_kw", powerKw, set.scalars.gpu_power_kw),
    optionalNumber("power_usd_per_mwh", price, set.scalars.power_price_usd_per_mwh),
    optionalNumber("pue", pue, set.scalars.pue),
    optionalNumber("other_opex_usd_per_year", opex, 0),
    optionalNumber("discount_rate", rate, 0),
  );

/**
 * USD bn of debt in the build-out from from_year to to_year: the funding plan's total × the shares of the sources the set classes as debt. With as_share TRUE, debt ÷ total (a decimal), to hold against JPMorgan's USD 4.1T of 5.5T.
 * @customfunction BUILDOUT_DEBT
 * @helpurl https://localhost:3000/help.html#buildout_debt
 * @param from_year First year, e.g. 2026 (after the set's base year).
 * @param to_year Last year, e.g. 2030.
 * @param [as_share] TRUE for debt ÷ total, a decimal. Default FALSE (USD bn).
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} Debt, USD bn (or its share of the total).
 */
export function buildoutDebt(from_year: number, to_year: number, as_share?: boolean, scenario?: any[][]) {
  return withSet(scenario, buildoutDebtCore, from_year, to_year, as_share);
}
const buildoutDebtCore = (set: CompiledSet, fromYear: unknown, toYear: unknown, asShare: unknown) =>
  model.buildoutDebt(set, requiredNumber("from_year", fromYear), requiredNumber("to_year", toYear), optionalBoolean("as_share", asShare, false));

/**
 * Spills, by year, the depreciation of a fleet bought along a capex path: each year's capex is a vintage depreciated straight-line on the book life and on the economic life; the table adds the vintages up: capex, book charge, economic charge and the gap (economic − book), USD m.
 * @customfunction DEPRECIATION_GAP_FLEET
 * @helpurl https://localhost:3000/help.html#depreciation_gap_fleet
 * @param {number[][]} capex_by_year Capex each year, USD m: a row or a column of cells, first year first (blank cells count as 0).
 * @param book_life_years Useful life in the accounts, years (e.g. 6).
 * @param economic_life_years Economic life, years (e.g. 3).
 * @param [first_year] Calendar year of the first capex, to label the rows. Default 1 (rows count years from 1).
 * @returns {any[][]} Table: year, capex, book_charge, economic_charge, gap; until the last vintage is fully depreciated.
 */
export function depreciationGapFleet(capex_by_year: number[][], book_life_years: number, economic_life_years: number, first_year?: number) {
  return compute(depreciationGapFleetCore, capex_by_year, book_life_years, economic_life_years, first_year);
}
const depreciationGapFleetCore = (capex: unknown, bookLife: unknown, economicLife: unknown, firstYear: unknown) =>
  model.depreciationGapFleet(
    numberList("capex_by_year", capex),
    requiredNumber("book_life_years", bookLife),
    requiredNumber("economic_life_years", economicLife),
    optionalNumber("first_year", firstYear, 1),
  );

// ───────────────────────────── Assumptions ─────────────────────────────

/**
 * The value of one parameter of an assumption set, in its own unit: a single value, a path's value in the year given, or a funding-mix share (name "funding_mix.<source>").
 * @customfunction ASSUMPTION
 * @helpurl https://localhost:3000/help.html#assumption
 * @param name Parameter name, e.g. "capex_musd_per_mw", "demand_gw" (needs year) or "funding_mix.ig_bonds".
 * @param [year] For a path parameter: the calendar year.
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {number} The parameter's value in its own unit.
 */
export function assumption(name: string, year?: number, scenario?: any[][]) {
  return withSet(scenario, assumptionCore, name, year);
}
const assumptionCore = (set: CompiledSet, name: unknown, year: unknown) =>
  model.assumptionValue(set, requiredText("name", name, "a parameter name"), optionalNumber("year", year, null));

/**
 * The citation of one parameter of an assumption set as text, to cite it in a cell: each source's publisher, title and date, separated by "; ".
 * @customfunction ASSUMPTION_SOURCE
 * @helpurl https://localhost:3000/help.html#assumption_source
 * @param name Parameter name, e.g. "capex_musd_per_mw", "demand_gw" or "funding_mix.ig_bonds".
 * @param [scenario] Assumption set id (e.g. "low"), a SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {string} Publisher, title (date) of each source.
 */
export function assumptionSource(name: string, scenario?: any[][]) {
  return withSet(scenario, assumptionSourceCore, name);
}
const assumptionSourceCore = (set: CompiledSet, name: unknown) =>
  model.assumptionSource(set, requiredText("name", name, "a parameter name"));

/**
 * The id of the workbook's active assumption set, for labelling a sheet with the set its numbers come from.
 * @customfunction ACTIVE_SCENARIO
 * @helpurl https://localhost:3000/help.html#active_scenario
 * @returns {string} The active set's id, e.g. "call-2026-02".
 */
export function activeScenario() {
  // The set loaded: its id, nothing to check. Otherwise through withSet, so a workbook set still
  // loading is waited for, and an unreadable one gives the same #N/A with its reason as every other function.
  const active = store.active;
  return active !== null ? active.id : withSet(null, activeScenarioCore);
}
const activeScenarioCore = (set: CompiledSet) => set.id;

// ───────────────────────────── What-if: scenarios, sensitivity, comparison ─────────────────────────────

/**
 * A scenario handle: short canonical text naming a base set and overrides, usable as the scenario argument of every function. Names as ASSUMPTION reads them, "demand_gw@2028" for one year of a path, "demand_gw*" to scale a whole path. Overriding one funding share rescales the other sources in proportion.
 * @customfunction SCENARIO
 * @helpurl https://localhost:3000/help.html#scenario
 * @param base Base set id, or a handle to build on. Empty: the workbook's active set.
 * @param name1 Parameter to override, e.g. "capex_musd_per_mw", "funding_mix.ig_bonds", "demand_gw@2028", "demand_gw*"; or a range of names.
 * @param value1 Its value (a factor for "name*"); or a range of values the size of the names.
 * @param [name2] Second parameter to override.
 * @param [value2] Its value.
 * @param [name3] Third parameter to override.
 * @param [value3] Its value.
 * @param [name4] Fourth parameter to override.
 * @param [value4] Its value.
 * @param [name5] Fifth parameter to override.
 * @param [value5] Its value.
 * @param [name6] Sixth parameter to override.
 * @param [value6] Its value.
 * @returns {string} The handle, e.g. "call-2026-02; capex_musd_per_mw=45".
 */
export function scenario(
  base: any[][],
  name1: any[][],
  value1: any[][],
  name2?: any[][],
  value2?: any[][],
  name3?: any[][],
  value3?: any[][],
  name4?: any[][],
  value4?: any[][],
  name5?: any[][],
  value5?: any[][],
  name6?: any[][],
  value6?: any[][],
) {
  // Through withSet so it waits for the workbook's sets like every function; the set itself is not needed.
  return withSet(null, scenarioCore, base, [
    [name1, value1],
    [name2, value2],
    [name3, value3],
    [name4, value4],
    [name5, value5],
    [name6, value6],
  ]);
}
const scenarioCore = (_active: CompiledSet, base: unknown, pairs: unknown) =>
  store.makeHandle(scenarioText(base), pairOverrides(pairs as Array<[unknown, unknown]>));

/**
 * Spills a tornado table: a header, then one row per parameter (parameter, base value, low and high input, result at each, swing), sorted by swing. A path is scaled whole (its inputs are the factor); inputs stay inside the set's valid range.
 * @customfunction SENSITIVITY
 * @helpurl https://localhost:3000/help.html#sensitivity
 * @param function_name An INFRA function returning a number, e.g. "POWER_GAP_GW".
 * @param args Its arguments before scenario: one cell or a row of cells; an empty cell is an omitted argument.
 * @param [parameters] Parameter names to vary (text or a range), e.g. "capex_musd_per_mw". Omitted: every parameter that changes the result.
 * @param [change] Relative change each way, a decimal in (0, 1). Default 0.1 (±10%).
 * @param [scenario] Base scenario: set id, SCENARIO handle, or a two-column range of (name, value) rows. Omitted: the workbook's active set.
 * @returns {any[][]} Table: parameter, base_value, low_value, high_value, result_low, result_high, swing.
 */
export function sensitivity(function_name: string, args: any[][], parameters?: any[][], change?: number, scenario?: any[][]) {
  return withSet(scenario, sensitivityCore, function_name, args, parameters, change, scenario);
}
const sensitivityCore = (set: CompiledSet, fn: unknown, args: unknown, parameters: unknown, change: unknown, scenarioRaw: unknown) =>
  sensitivityTable(store, ANALYSABLE, set, fn, args, parameters, change, scenarioRaw);

/**
 * Spills one row per scenario: a header, then scenario and the function's result with it, so bull, base and bear sit side by side.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/help.html#compare
 * @param function_name An INFRA function returning a number, e.g. "POWER_GAP_GW".
 * @param args Its arguments before scenario: one cell or a row of cells; an empty cell is an omitted argument.
 * @param scenarios A column of set ids or handles, or rows of (id, name, value, name, value …); an empty id is the active set.
 * @returns {any[][]} Table: scenario, result.
 */
export function compare(function_name: string, args: any[][], scenarios: any[][]) {
  return withSet(null, compareCore, function_name, args, scenarios);
}
const compareCore = (_active: CompiledSet, fn: unknown, args: unknown, scenarios: unknown) => compareTable(store, ANALYSABLE, fn, args, scenarios);

/** Without a set: the core ignores it. */
const noSet =
  (core: (a: unknown, b: unknown, c: unknown) => number): SetCore<number> =>
  (_set, a, b, c) =>
    core(a, b, c);

/**
 * The functions SENSITIVITY and COMPARE can run (every INFRA function
 * returning a number), with the number of arguments before `scenario`.
 * test/functions/what-if.test.ts checks it against the generated metadata.
 */
export const ANALYSABLE: AnalysableRegistry = {
  POWER_DEMAND_GW: { core: powerDemandCore, arity: 1 },
  DC_ENERGY_TWH: { core: dcEnergyCore, arity: 1 },
  IT_TO_GRID_MW: { core: itToGridCore, arity: 2 },
  GRID_TO_IT_MW: { core: gridToItCore, arity: 2 },
  POWER_SUPPLY_GW: { core: powerSupplyCore, arity: 2 },
  POWER_GAP_GW: { core: powerGapCore, arity: 2 },
  NUCLEAR_EQUIV: { core: nuclearEquivCore, arity: 2 },
  TWH_TO_GW: { core: twhToGwCore, arity: 2 },
  GW_TO_TWH: { core: gwToTwhCore, arity: 2 },
  AIDC_FUNDING: { core: aidcFundingCore, arity: 3 },
  PROJECT_DEBT: { core: projectDebtCore, arity: 6 },
  EV_PER_MW: { core: noSet(evPerMwCore), arity: 2 },
  UNCONTRACTED_EV_PER_MW: { core: uncontractedEvCore, arity: 5 },
  SOTP_EV: { core: sotpEvCore, arity: 5 },
  RENT_PER_MW: { core: noSet(rentPerMwCore), arity: 3 },
  KW_MONTH: { core: noSet(kwMonthCore), arity: 1 },
  LEASE_VALUE_PER_MW: { core: leaseValueCore, arity: 6 },
  GPU_DEPRECIATION: { core: noSet(gpuDepreciationCore), arity: 3 },
  DEPRECIATION_GAP: { core: noSet(depreciationGapCore), arity: 3 },
  ASSUMPTION: { core: assumptionCore, arity: 2 },
  LEASE_IRR: { core: leaseIrrCore, arity: 6 },
  LEASE_EQUITY_IRR: { core: leaseEquityIrrCore, arity: 9 },
  YIELD_ON_COST: { core: yieldOnCostCore, arity: 3 },
  IMPLIED_P_CONTRACT: { core: impliedPCore, arity: 6 },
  MINER_VALUE_PER_SHARE: { core: minerValueCore, arity: 10 },
  MINER_IMPLIED_P_CONTRACT: { core: minerImpliedPCore, arity: 10 },
  POWER_SOLUTION_COST: { core: powerSolutionCostCore, arity: 3 },
  POWER_GAP_COST: { core: powerGapCostCore, arity: 2 },
  TIME_TO_POWER_MONTHS: { core: timeToPowerCore, arity: 1 },
  GPU_PAYBACK_YEARS: { core: gpuPaybackCore, arity: 7 },
  GPU_BREAKEVEN_RENT: { core: gpuBreakevenCore, arity: 8 },
  BUILDOUT_DEBT: { core: buildoutDebtCore, arity: 3 },
};
