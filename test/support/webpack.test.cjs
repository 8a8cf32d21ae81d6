/**
 * The project's webpack.config.js with what the tests add, chosen with
 * `--env` flags (without flags it is the project's config unchanged):
 *
 *   --env infraFast     no type checking (ts-loader transpileOnly; `npm run lint`
 *                       runs tsc) and no source maps: the same JavaScript, sooner
 *   --env infraStandIn  the Excel stand-in page for the browser tests
 *                       (stand-in.html + standin.js, beside the add-in's pages)
 *   --env withPlayground the project's own option: the playground's page beside the
 *                       add-in's, as `npm start` serves it
 *
 * Used by test/support/built-addin.ts through webpack-cli.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = path.resolve(__dirname, "../..");
const makeConfig = require(path.join(ROOT, "webpack.config.js"));
const { contentSecurityPolicy } = require(path.join(ROOT, "scripts/csp.cjs"));

/** Files the stand-in adds (its bundle content-hashed in production); they are not part of the add-in. */
const STAND_IN_FILES = /^(stand-in\.html|standin(\.[0-9a-f]+)?\.js(\.LICENSE\.txt|\.map)?)$/;

module.exports = async (env = {}, argv = {}) => {
  const config = await makeConfig(env, argv);
  config.context = ROOT;
  const tsRules = config.module.rules.filter((rule) => String(rule.test) === String(/\.ts$/));
  if (env.infraFast) {
    config.devtool = false;
    for (const rule of tsRules) rule.use = { loader: "ts-loader", options: { ...rule.use.options, transpileOnly: true } };
  }
  if (env.infraStandIn) {
    if (process.env.OFFICE_JS !== "local") throw new Error("the stand-in page loads Office.js from the build: set OFFICE_JS=local");
    config.entry.standin = "./test/browser/stand-in/stand-in.ts";
    // The stand-in lives outside tsconfig.build.json: compiled with tsconfig.json (the same
    // compiler options), types left to `tsc` as for every test file.
    const testDir = path.join(ROOT, "test");
    for (const rule of tsRules) rule.exclude = [rule.exclude, testDir].flat();
    config.module.rules.push({
      test: /\.ts$/,
      include: testDir,
      use: { loader: "ts-loader", options: { configFile: "tsconfig.json", transpileOnly: true, instance: "stand-in" } },
    });
    config.plugins.push(
      new HtmlWebpackPlugin({
        filename: "stand-in.html",
        template: "./test/browser/stand-in/stand-in.html",
        chunks: ["standin"],
        templateParameters: { csp: contentSecurityPolicy({ officeJsLocal: true, inlineStyles: false }), officeJsUrl: "office-js/office.js" },
      }),
    );
  }
  return config;
};

module.exports.STAND_IN_FILES = STAND_IN_FILES;
