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

/** A miner's pipeline, IT MW by stage, and what stands between its enterprise value and a share. */
export interface MinerPipeline {
  operatingMw: number;
  constructionMw: number;
  developmentMw: number;
  /** Of the pipeline, the MW under signed leases. */
  contractedMw: number;
  netDebtMusd: number;
  sharesM: number;
  capexToSpendMusd: number;
  contractedValueMusdPerMw: number;
  uncontractedValueMusdPerMw: number;
}

function checkPipeline(m: MinerPipeline): number {
  atLeast("operating_mw", m.operatingMw, 0, " IT MW");
  atLeast("construction_mw", m.constructionMw, 0, " IT MW");
  atLeast("development_mw", m.developmentMw, 0, " IT MW");
  const pipeline = m.operatingMw + m.constructionMw + m.developmentMw;
  between("contracted_mw", m.contractedMw, 0, pipeline, " IT MW (the pipeline: operating + construction + development)");
  between("shares_m", m.sharesM, 1e-6, 1e6, " million shares");
  atLeast("capex_to_spend_musd", m.capexToSpendMusd, 0, " USD m");
  atLeast("contracted_value_musd_per_mw", m.contractedValueMusdPerMw, 0, " USD m per IT MW");
  atLeast("uncontracted_value_musd_per_mw", m.uncontractedValueMusdPerMw, 0, " USD m per IT MW");
  return pipeline;
}

/**
 * Equity value per share, USD: (contracted × V_c + uncontracted × (p × V_c + (1 − p) × V_u)
 * − capex still to spend − net debt) ÷ shares, where uncontracted = pipeline − contracted.
 */
export function minerValuePerShare(m: MinerPipeline, pContract: number): number {
  const pipeline = checkPipeline(m);
  fraction("p_contract", pContract);
  const vc = m.contractedValueMusdPerMw;
  const uncontracted = pipeline - m.contractedMw;
  const ev = m.contractedMw * vc + uncontracted * (pContract * vc + (1 - pContract) * m.uncontractedValueMusdPerMw);
  return (ev - m.capexToSpendMusd - m.netDebtMusd) / m.sharesM;
}

/**
 * The signing probability at which minerValuePerShare equals `sharePriceUsd`;
 * returned outside 0–1 too (above 1: the price asks for more than every MW signed).
 */
export function minerImpliedPContract(m: MinerPipeline, sharePriceUsd: number): number {
  const pipeline = checkPipeline(m);
  const uncontracted = pipeline - m.contractedMw;
  if (uncontracted === 0) {
    throw notAvailable("every MW of the pipeline is contracted, so the share price implies no signing probability");
  }
  const vc = m.contractedValueMusdPerMw;
  const vu = m.uncontractedValueMusdPerMw;
  if (vc === vu) return sameValues(vc);
  const ev = sharePriceUsd * m.sharesM + m.netDebtMusd + m.capexToSpendMusd;
  return ((ev - m.contractedMw * vc) / uncontracted - vu) / (vc - vu);
}
