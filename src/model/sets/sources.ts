/**
 * Citations the bundled sets draw on (see reference-figures in the README).
 * `via: "press"` marks a figure known from press coverage of the note.
 */
import type { Source } from "../schema";

export const CALL_2026_02: Source = {
  publisher: "Conference call on the AI data-center build-out",
  title: "US AIDC funding, power shortfall and valuation (call notes)",
  date: "2026-02-04",
};
export const MS_SEP_2025: Source = {
  publisher: "Morgan Stanley",
  title: "US data-center power demand and grid headroom",
  date: "2025-09",
  via: "press",
};
export const MS_NOV_2025: Source = {
  publisher: "Morgan Stanley",
  title: "US data-center power shortfall through 2028 (44 GW) and time-to-power offsets",
  date: "2025-11",
  via: "press",
};
export const MS_DEC_2025: Source = {
  publisher: "Morgan Stanley",
  title: "Power shortfall raised to 47 GW; residual 6–16 GW after offsets; bitcoin-miner power",
  date: "2025-12",
  via: "press",
};
export const MS_JUL_2025: Source = {
  publisher: "Morgan Stanley",
  title: "Global data-center capex 2025–28: USD 2.9T and its financing gap",
  date: "2025-07",
  via: "press",
};
export const LBNL_2024: Source = {
  publisher: "Lawrence Berkeley National Laboratory",
  title: "2024 United States Data Center Energy Usage Report",
  date: "2024-12",
  url: "https://eta.lbl.gov/publications/2024-lbnl-data-center-energy-usage-report",
};
export const EIA_NUCLEAR: Source = {
  publisher: "U.S. Energy Information Administration",
  title: "US nuclear fleet: 94 reactors, ~97 GW; capacity factor ~92.7%",
  date: "2024",
  url: "https://www.eia.gov/tools/faqs/faq.php?id=207&t=3",
};
export const E3_LOAD_FACTOR: Source = {
  publisher: "Energy and Environmental Economics (E3)",
  title: "Data-center load planning: ~0.86 load factor at PUE 1.2",
  date: "2024",
};
export const CUSHMAN_2025: Source = {
  publisher: "Cushman & Wakefield",
  title: "Data Center Development Cost Guide 2025: USD 9.3–15.0m per critical MW",
  date: "2025",
  url: "https://www.cushmanwakefield.com/en/united-states/insights/data-center-development-cost-guide",
};
export const NVIDIA_AUG_2025: Source = {
  publisher: "Nvidia",
  title: "Earnings call: USD 50–60bn of capex per GW of AI data center",
  date: "2025-08",
  via: "press",
};
export const BERNSTEIN_OCT_2025: Source = {
  publisher: "Bernstein",
  title: "All-in cost of a GB200 NVL72 data center: ~USD 35bn per GW",
  date: "2025-10",
};
export const IREN_NOV_2025: Source = {
  publisher: "IREN",
  title: "USD 5.8bn of GB300 equipment for 200 MW (Microsoft contract)",
  date: "2025-11",
};
export const JPM_NOV_2025: Source = {
  publisher: "JPMorgan",
  title: "AI infrastructure financing: ≥ USD 5T, up to 7T over five years (global)",
  date: "2025-11",
  via: "press",
};
export const MCKINSEY_APR_2025: Source = {
  publisher: "McKinsey & Company",
  title: "The cost of compute: a USD 7 trillion race to scale data centers",
  date: "2025-04",
  url: "https://www.mckinsey.com/industries/technology-media-and-telecommunications/our-insights/the-cost-of-compute-a-7-trillion-dollar-race-to-scale-data-centers",
};
export const PROJECT_FINANCE_2025: Source = {
  publisher: "Galaxy Digital; Hut 8",
  title: "Project financing of AI/HPC campuses: 80–85% loan-to-cost, SOFR + 225 bp",
  date: "2025",
};
export const JPM_VALUATION_NOV_2025: Source = {
  publisher: "JPMorgan",
  title: "Contracted colocation capacity worth USD 8–17m per IT MW; ~50% chance an uncontracted site signs",
  date: "2025-11",
  via: "press",
};
export const BERNSTEIN_UNCONTRACTED: Source = {
  publisher: "Bernstein",
  title: "Uncontracted, AI-earmarked power valued at ~USD 3m per MW",
  date: "2025",
  via: "press",
};
export const VANECK_AUG_2025: Source = {
  publisher: "VanEck",
  title: "Bitcoin miners at ~USD 4.5m per MW vs data-center stocks above USD 30m per MW",
  date: "2025-08",
};
export const CORE_SCIENTIFIC_2024: Source = {
  publisher: "Core Scientific",
  title: "CoreWeave hosting: ~500 MW, USD 8.7bn over 12 years, two 5-year renewal options",
  date: "2024-10",
};
export const TD_COWEN_FEB_2025: Source = {
  publisher: "TD Cowen",
  title: "Microsoft cancelled some US leases and let > 1 GW of LOIs lapse",
  date: "2025-02",
  via: "press",
};
export const ANALYST_PRACTICE: Source = {
  publisher: "Analyst practice",
  title: "Triple-net hosting NOI margins of 80–90%",
  date: "2025",
};
export const EPA_DIESEL_2025: Source = {
  publisher: "US Environmental Protection Agency",
  title: "Emergency generators: at most 100 hours a year of non-emergency use",
  date: "2025-05",
};
export const NUCLEAR_RESTARTS_2025: Source = {
  publisher: "Constellation; Holtec; NextEra",
  title: "Restarts: Crane (TMI-1) 835 MW in 2027, Palisades 800 MW, Duane Arnold 615 MW in 2029",
  date: "2025",
  via: "press",
};

// ───────────── Time-to-power solutions and GPU economics ─────────────
export const GAS_CC_COST_2025: Source = {
  publisher: "Industry press (turbine makers' order books)",
  title: "Gas combined-cycle build cost up from ~USD 785/kW (2022) to ~USD 2,400/kW (2025); turbines sold out to 2029–30",
  date: "2025",
  via: "press",
};
export const EIA_CONSTRUCTION_COST_2017: Source = {
  publisher: "U.S. Energy Information Administration",
  title: "Construction cost data for electric generators installed in 2015 (internal combustion engines USD 1,798/kW)",
  date: "2017-07",
  url: "https://www.eia.gov/electricity/generatorcosts/",
};
export const RECIP_ENGINES_LEAD_TIME: Source = {
  publisher: "Industry press",
  title: "Reciprocating engines deployable in 12–18 months",
  date: "2025",
  via: "press",
};
export const BLOOM_AEP_2024: Source = {
  publisher: "Bloom Energy; American Electric Power",
  title: "Up to 1 GW of fuel cells for AEP's data-center customers; fuel cells deployable in months",
  date: "2024-11",
  via: "press",
};
export const CRANE_RESTART_2024: Source = {
  publisher: "Constellation Energy",
  title: "Crane Clean Energy Center (TMI-1) restart: 835 MW, ~USD 1.6bn, Microsoft 20-year PPA; online 2027 after the 2028 target",
  date: "2024-09",
  url: "https://www.constellationenergy.com/our-company/locations/decommissioning.html",
  via: "press",
};
export const RIOT_RETROFIT_2025: Source = {
  publisher: "Riot Platforms",
  title: "Retrofitting a mining site for AI/HPC at ~USD 3.6m per IT MW",
  date: "2025",
  via: "press",
};
export const BNEF_ESS_2024: Source = {
  publisher: "BloombergNEF",
  title: "Energy Storage System Cost Survey 2024: turnkey systems at USD 165/kWh on average",
  date: "2024-12",
  via: "press",
};
export const H100_RENT_2023: Source = {
  publisher: "GPU cloud price trackers (press)",
  title: "H100 rental price ~USD 8 per GPU-hour at launch scarcity",
  date: "2023",
  via: "press",
};
export const H100_RENT_2024: Source = {
  publisher: "GPU cloud price trackers (press)",
  title: "H100 rental price ~USD 2.85 per GPU-hour",
  date: "2024-02",
  via: "press",
};
export const H100_RENT_OCT_2025: Source = {
  publisher: "GPU cloud price trackers (press)",
  title: "H100 rental price ~USD 1.70 per GPU-hour",
  date: "2025-10",
  via: "press",
};
export const H100_RENT_MAR_2026: Source = {
  publisher: "GPU cloud price trackers (press)",
  title: "H100 rental price ~USD 2.35 per GPU-hour",
  date: "2026-03",
  via: "press",
};
export const NVIDIA_DGX_H100: Source = {
  publisher: "Nvidia",
  title: "DGX H100 datasheet: 8 H100 GPUs, ~10.2 kW maximum system power",
  date: "2023",
  url: "https://www.nvidia.com/en-us/data-center/dgx-h100/",
};
export const EIA_INDUSTRIAL_PRICE_2025: Source = {
  publisher: "U.S. Energy Information Administration",
  title: "Electric Power Monthly: average US industrial retail price ~8 cents per kWh",
  date: "2025",
  url: "https://www.eia.gov/electricity/monthly/",
};
export const UPTIME_PUE_2024: Source = {
  publisher: "Uptime Institute",
  title: "Global Data Center Survey: industry-average PUE 1.56–1.58; new large AI sites at or below 1.3",
  date: "2024",
};
