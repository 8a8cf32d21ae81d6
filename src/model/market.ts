/**
 * What the market implies, and a miner valued from its pipeline. MW and
 * values per MW on the IT (critical) basis, as SOTP_EV takes them; money in
 * USD m; shares in millions, so USD m ÷ m shares = USD per share.
 */
import { above, atLeast, between, unreachable } from "./checks";
import { notAvailable } from "./errors";
import { sotpEv } from "./valuation";

function sameValues(vc: number): never {
  throw notAvailable(
    `contracted and uncontracted values per MW are equal (${vc}), so the value does not depend on the signing probability and none is implied`,
  );
}

function impliedPRefused(c: number, u: number, vc: number, vu: number): never {
  atLeast("contracted_mw", c, 0, " IT MW");
  above("uncontracted_mw", u, 0, " IT MW");
  atLeast("contracted_value_musd_per_mw", vc, 0, " USD m per IT MW");
  atLeast("uncontracted_value_musd_per_mw", vu, 0, " USD m per IT MW");
  throw unreachable();
}

/**
 * The signing probability p at which contracted × V_c + uncontracted × (p × V_c + (1 − p) × V_u)
 * equals EV − other assets: p = ((EV − other − contracted × V_c) ÷ uncontracted − V_u) ÷ (V_c − V_u).
 * Returned outside 0–1 too: above 1 the market pays more than a certain contract.
 */
export function impliedPContract(
  enterpriseValueMusd: number,
  contractedMw: number,
  uncontractedMw: number,
  contractedValueMusdPerMw: number,
  uncontractedValueMusdPerMw: number,
  otherAssetsMusd: number,
): number {
  // A statement the minifier keeps as one (see sotpEv in valuation.ts).
  if (!(contractedMw >= 0 && uncontractedMw > 0 && contractedValueMusdPerMw >= 0 && uncontractedValueMusdPerMw >= 0)) {
    throw impliedPRefused(contractedMw, uncontractedMw, contractedValueMusdPerMw, uncontractedValueMusdPerMw);
  }
  const spread = contractedValueMusdPerMw - uncontractedValueMusdPerMw;
  if (spread === 0) return sameValues(contractedValueMusdPerMw);
  const perUncontracted = (enterpriseValueMusd - otherAssetsMusd - contractedMw * contractedValueMusdPerMw) / uncontractedMw;
  return (perUncontracted - uncontractedValueMusdPerMw) / spread;
}

/**
 * A miner's pipeline (IT MW by stage) and what stands between its enterprise
 * value and a share, as plain numbers (no object per call). Returns the
 * pipeline's MW.
 */
function checkPipeline(
  operatingMw: number,
  constructionMw: number,
  developmentMw: number,
  contractedMw: number,
  sharesM: number,
  capexToSpendMusd: number,
  contractedValueMusdPerMw: number,
  uncontractedValueMusdPerMw: number,
): number {
  const pipeline = operatingMw + constructionMw + developmentMw;
  const valid =
    operatingMw >= 0 && constructionMw >= 0 && developmentMw >= 0 && contractedMw >= 0 && contractedMw <= pipeline &&
    sharesM >= 1e-6 && sharesM <= 1e6 && capexToSpendMusd >= 0 && contractedValueMusdPerMw >= 0 && uncontractedValueMusdPerMw >= 0;
  return valid ? pipeline : pipelineRefused(operatingMw, constructionMw, developmentMw, contractedMw, sharesM, capexToSpendMusd, contractedValueMusdPerMw, uncontractedValueMusdPerMw);
}

function pipelineRefused(op: number, con: number, dev: number, contracted: number, shares: number, capex: number, vc: number, vu: number): never {
  atLeast("operating_mw", op, 0, " IT MW");
  atLeast("construction_mw", con, 0, " IT MW");
  atLeast("development_mw", dev, 0, " IT MW");
  between("contracted_mw", contracted, 0, op + con + dev, " IT MW (the pipeline: operating + construction + development)");
  between("shares_m", shares, 1e-6, 1e6, " million shares");
  atLeast("capex_to_spend_musd", capex, 0, " USD m");
  atLeast("contracted_value_musd_per_mw", vc, 0, " USD m per IT MW");
  atLeast("uncontracted_value_musd_per_mw", vu, 0, " USD m per IT MW");
  throw unreachable();
}

/**
 * Equity value per share, USD: (contracted × V_c + uncontracted × (p × V_c + (1 − p) × V_u)
 * − capex still to spend − net debt) ÷ shares, where uncontracted = pipeline − contracted.
 */
export function minerValuePerShare(
  operatingMw: number,
  constructionMw: number,
  developmentMw: number,
  contractedMw: number,
  netDebtMusd: number,
  sharesM: number,
  capexToSpendMusd: number,
  pContract: number,
  contractedValueMusdPerMw: number,
  uncontractedValueMusdPerMw: number,
): number {
  const pipeline = checkPipeline(
    operatingMw, constructionMw, developmentMw, contractedMw, sharesM, capexToSpendMusd, contractedValueMusdPerMw, uncontractedValueMusdPerMw,
  );
  // The pipeline's value is SOTP_EV's, its uncontracted MW the rest of the pipeline (which also checks p_contract).
  const ev = sotpEv(contractedMw, pipeline - contractedMw, pContract, contractedValueMusdPerMw, uncontractedValueMusdPerMw);
  return (ev - capexToSpendMusd - netDebtMusd) / sharesM;
}

function allContracted(): never {
  throw notAvailable("every MW of the pipeline is contracted, so the share price implies no signing probability");
}

/**
 * The signing probability at which minerValuePerShare equals `sharePriceUsd`;
 * returned outside 0–1 too (above 1: the price asks for more than every MW signed).
 */
export function minerImpliedPContract(
  sharePriceUsd: number,
  operatingMw: number,
  constructionMw: number,
  developmentMw: number,
  contractedMw: number,
  netDebtMusd: number,
  sharesM: number,
  capexToSpendMusd: number,
  contractedValueMusdPerMw: number,
  uncontractedValueMusdPerMw: number,
): number {
  const pipeline = checkPipeline(
    operatingMw, constructionMw, developmentMw, contractedMw, sharesM, capexToSpendMusd, contractedValueMusdPerMw, uncontractedValueMusdPerMw,
  );
  const uncontracted = pipeline - contractedMw;
  if (uncontracted === 0) return allContracted();
  // IMPLIED_P_CONTRACT on the EV the share price implies, with no other assets.
  const ev = sharePriceUsd * sharesM + netDebtMusd + capexToSpendMusd;
  return impliedPContract(ev, contractedMw, uncontracted, contractedValueMusdPerMw, uncontractedValueMusdPerMw, 0);
}
