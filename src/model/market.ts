/**
 * What the market implies, and a miner valued from its pipeline. MW and
 * values per MW on the IT (critical) basis, as SOTP_EV takes them; money in
 * USD m; shares in millions, so USD m ÷ m shares = USD per share.
 */
import { above, atLeast, between, fraction } from "./checks";
import { notAvailable } from "./errors";

function sameValues(vc: number): never {
  throw notAvailable(
    `contracted and uncontracted values per MW are equal (${vc}), so the value does not depend on the signing probability and none is implied`,
  );
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
  atLeast("contracted_mw", contractedMw, 0, " IT MW");
  above("uncontracted_mw", uncontractedMw, 0, " IT MW");
  atLeast("contracted_value_musd_per_mw", contractedValueMusdPerMw, 0, " USD m per IT MW");
  atLeast("uncontracted_value_musd_per_mw", uncontractedValueMusdPerMw, 0, " USD m per IT MW");
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
  atLeast("operating_mw", operatingMw, 0, " IT MW");
  atLeast("construction_mw", constructionMw, 0, " IT MW");
  atLeast("development_mw", developmentMw, 0, " IT MW");
  const pipeline = operatingMw + constructionMw + developmentMw;
  between("contracted_mw", contractedMw, 0, pipeline, " IT MW (the pipeline: operating + construction + development)");
  between("shares_m", sharesM, 1e-6, 1e6, " million shares");
  atLeast("capex_to_spend_musd", capexToSpendMusd, 0, " USD m");
  atLeast("contracted_value_musd_per_mw", contractedValueMusdPerMw, 0, " USD m per IT MW");
  atLeast("uncontracted_value_musd_per_mw", uncontractedValueMusdPerMw, 0, " USD m per IT MW");
  return pipeline;
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
  fraction("p_contract", pContract);
  const vc = contractedValueMusdPerMw;
  const perUncontracted = pContract * vc + (1 - pContract) * uncontractedValueMusdPerMw;
  const ev = contractedMw * vc + (pipeline - contractedMw) * perUncontracted;
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
  const vc = contractedValueMusdPerMw;
  const vu = uncontractedValueMusdPerMw;
  if (vc === vu) return sameValues(vc);
  const ev = sharePriceUsd * sharesM + netDebtMusd + capexToSpendMusd;
  return ((ev - contractedMw * vc) / uncontracted - vu) / (vc - vu);
}
