/**
 * Three small webpack plugins:
 * - HelpPagePlugin renders help.html (the target of every function's
 *   @helpurl) from the metadata custom-functions-metadata-plugin generated,
 *   so the help page can never disagree with functions.json.
 * - ManifestPlugin writes manifest.xml (scripts/manifests.cjs) naming the
 *   functions bundle the build emitted (content-hashed in production).
 * - UrlSwapPlugin replaces the development address in emitted manifest,
 *   metadata and pages with the production one (INFRA_URL).
 */
const { Compilation, sources } = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { DEV_URL, xmlManifest } = require("./manifests.cjs");

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/**
 * A description as help-page HTML: escaped, with snake_case identifiers (argument and
 * source names such as tenor_years, fuel_cells) set as code. functions.json keeps the
 * plain text, which Excel's formula tooltip shows as typed.
 */
const describe = (text) => escapeHtml(text).replace(/\b[A-Za-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (name) => `<code>${name}</code>`);

function renderHelp(metadata, csp) {
  const sections = metadata.functions.map((f) => {
    const sig = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    const params = f.parameters
      .map((p) => `<dt><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}</dt><dd>${describe(p.description ?? "")}</dd>`)
      .join("");
    return `<section id="${escapeHtml(f.id.toLowerCase())}">
<h2><code>=INFRA.${escapeHtml(f.id)}(${escapeHtml(sig)})</code></h2>
<p>${describe(f.description)}</p>
${params ? `<dl>${params}</dl>` : ""}
<p class="returns">Returns ${f.result.dimensionality === "matrix" ? "a table that spills" : "one value"}.</p>
</section>`;
  });
  const toc = metadata.functions.map((f) => `<li><a href="#${escapeHtml(f.id.toLowerCase())}">${escapeHtml(f.id)}</a></li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>INFRA for Excel: function reference</title>
<link rel="icon" href="assets/icon-32.png">
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424;background:#fff}
@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#1f1f1f}a{color:#6cb8f6}}
code{font-family:Consolas,monospace}section{border-top:1px solid #8884;padding-top:.5rem}h2{font-size:1.1rem}dt{font-weight:600}
</style>
</head>
<body>
<h1>INFRA for Excel: function reference</h1>
<p>Units: GW for power, TWh for energy, USD bn for macro funding totals, USD m for company and project figures, decimals for rates and shares. The optional last argument <code>scenario</code> names an assumption set; omitted, the workbook's active set is used.</p>
<ul>${toc}</ul>
${sections.join("\n")}
</body>
</html>
`;
}

class HelpPagePlugin {
  constructor({ input, csp }) {
    this.input = input;
    this.csp = csp;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const result = CustomFunctionsMetadataPlugin.generateResults[this.input];
        if (!result) return; // the metadata plugin has already reported why
        compilation.emitAsset("help.html", new sources.RawSource(renderHelp(JSON.parse(result.metadataJson), this.csp)));
      });
    });
  }
}

class ManifestPlugin {
  constructor({ baseUrl }) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      // After the real content hashes are in the file names, before the address swap.
      compilation.hooks.processAssets.tap({ name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const entry = compilation.entrypoints.get("functions");
        const script = entry?.getEntrypointChunk().files ? [...entry.getEntrypointChunk().files].find((f) => f.endsWith(".js")) : undefined;
        if (!script) {
          compilation.errors.push(new Error("ManifestPlugin: the build has no functions entry to name in manifest.xml"));
          return;
        }
        compilation.emitAsset("manifest.xml", new sources.RawSource(xmlManifest({ baseUrl: this.baseUrl, functionsScript: script })));
      });
    });
  }
}

class UrlSwapPlugin {
  constructor({ from, to }) {
    this.from = from;
    this.to = to.endsWith("/") ? to : `${to}/`;
  }
  apply(compiler) {
    if (this.from === this.to) return;
    compiler.hooks.thisCompilation.tap("UrlSwapPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "UrlSwapPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!/\.(xml|json|html)$/.test(name)) continue;
          const text = compilation.getAsset(name).source.source().toString();
          if (text.includes(this.from)) compilation.updateAsset(name, new sources.RawSource(text.split(this.from).join(this.to)));
        }
      });
    });
  }
}

module.exports = { HelpPagePlugin, ManifestPlugin, UrlSwapPlugin, DEV_URL, renderHelp };
