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
  title: "Powering AI: 69 GW of US data-center demand through 2028 against ~10 GW under construction and ~15 GW of grid headroom (44 GW short)",
  date: "2025-09",
  via: "press",
  url: "https://allweatherfinance.com/hidden-concerns-behind-the-ai-boom-by-2028-the-us-power-shortfall-may-be-equivalent-to-44-nuclear-power-plants/",
};
export const MS_NOV_2025: Source = {
  publisher: "Morgan Stanley",
  title: "US data-center power shortfall through 2028 (44 GW) and time-to-power offsets",
  date: "2025-11",
  via: "press",
  url: "https://ng.investing.com/news/stock-market-news/morgan-stanley-sees-up-to-20-shortage-of-us-power-for-data-centers-through-2028-2203320",
};
export const MS_DEC_2025: Source = {
  publisher: "Morgan Stanley",
  title: "Power shortfall raised to 47 GW; residual 6–16 GW after offsets; bitcoin-miner power",
  date: "2025-12",
  via: "press",
  url: "https://ng.investing.com/news/stock-market-news/morgan-stanley-names-key-winners-amid-growing-ai-power-gap-2232377",
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
  title: "US nuclear fleet: 94 reactors at 54 plants, ~97 GW; capacity factor ~92.7%",
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
  title: "Earnings call (fiscal Q2 2026): USD 50–60bn of capex per GW of AI data center",
  date: "2025-08-27",
  via: "press",
};
export const BERNSTEIN_OCT_2025: Source = {
  publisher: "Bernstein",
  title: "AI Value Chain: how much does a GW of data center capacity actually cost? (~USD 5.9m a GB200 NVL72 rack, ~35bn per GW)",
  date: "2025-10",
  via: "press",
  url: "https://ng.investing.com/news/stock-market-news/how-much-does-a-gw-of-data-center-capacity-actually-cost-2169144",
};
export const IREN_NOV_2025: Source = {
  publisher: "IREN",
  title: "USD 5.8bn of GB300 equipment for 200 MW (Microsoft contract)",
  date: "2025-11",
};
export const JPM_NOV_2025: Source = {
  publisher: "JPMorgan",
  title: "AI infrastructure financing: ≥ USD 5T, up to 7T over five years (global); IG bonds ~1.5T, leveraged finance ~0.15T, securitisation up to 40bn a year, ~1.4T left to private credit and government",
  date: "2025-11-10",
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
  title: "Restarts: Palisades 800 MW (2026), Crane (TMI-1) 835 MW (2027), Duane Arnold 615 MW (early 2029, NextEra–Google, Oct 2025)",
  date: "2025-10",
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
  title: "Crane Clean Energy Center (TMI-1) restart: 835 MW, ~USD 1.6bn, Microsoft 20-year PPA, targeted for 2028",
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
export const IEA_ENERGY_AI_2025: Source = {
  publisher: "International Energy Agency",
  title: "Energy and AI: US data-center electricity use rises by ~240 TWh (+130%) from 2024 to 2030 (base case)",
  date: "2025-04-10",
  url: "https://www.iea.org/reports/energy-and-ai",
};
export const EPRI_MAY_2024: Source = {
  publisher: "Electric Power Research Institute (EPRI)",
  title: "Powering Intelligence: Analyzing Artificial Intelligence and Data Center Energy Consumption (2030: 4.6–9.1% of US generation)",
  date: "2024-05-28",
  url: "https://www.epri.com/research/products/3002028905",
};
export const EPRI_FEB_2026: Source = {
  publisher: "Electric Power Research Institute (EPRI)",
  title: "Data centers could consume up to 17% of U.S. electricity by 2030 (9–17% of generation)",
  date: "2026-02-26",
  url: "https://www.globenewswire.com/news-release/2026/02/26/3245491/0/en/EPRI-Data-Centers-Could-Consume-Up-to-17-of-U-S-Electricity-by-2030.html",
};
export const JPM_JUN_2026: Source = {
  publisher: "JPMorgan",
  title: "Mid-year outlook: global AI capex USD 5.5T through 2030 (from 5.1T), 4.1T of it debt, high-grade bonds > 2.1T over five years, loan-to-cost above 85%",
  date: "2026-06",
  via: "press",
  url: "https://fortune.com/2026/06/25/what-bubble-jpmorgan-5-5-trillion-ai-capex-explosion-profitable-for-now/",
};
