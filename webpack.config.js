/**
 * Builds the add-in into dist/: functions.js + taskpane.js (one shared-runtime
 * page, taskpane.html), functions.json generated from the JSDoc of
 * src/functions/functions.ts, help.html generated from the same metadata, the
 * manifest and the icons. `INFRA_URL=https://host/path/ npm run build` swaps
 * the development address in every emitted file for the production one.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { HelpPagePlugin, UrlSwapPlugin, DEV_URL } = require("./scripts/build-plugins.cjs");
const { contentSecurityPolicy } = require("./scripts/csp.cjs");

const FUNCTIONS_INPUT = "./src/functions/functions.ts";

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const targetUrl = process.env.INFRA_URL || DEV_URL;
  /** Office.js: Microsoft's CDN (supported) or, for offline tests, the copy in @microsoft/office-js. */
  const officeJsLocal = process.env.OFFICE_JS === "local";
  const officeJsUrl = officeJsLocal ? "office-js/office.js" : "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  const csp = contentSecurityPolicy({ officeJsLocal });

  const config = {
    // Never eval-based source maps: the pages' CSP has no 'unsafe-eval', so they would stop every script under `npm start`.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      functions: "./src/functions/index.ts",
      // dependOn: the pane shares the functions' module instances (one store) on the shared-runtime page.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      // The browser playground (embedded engine, GPL-3.0 HyperFormula): its own page, never in the add-in's chunks.
      playground: "./src/playground/main.ts",
    },
    output: {
      // INFRA_DIST lets tests build into a folder of their own.
      path: path.resolve(__dirname, process.env.INFRA_DIST || "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      // The pane's on-demand chunks (share-values, power-sheet) stay whole, their npm code (fflate) included:
      // one request per button, and no vendor chunk named by a number.
      splitChunks: { cacheGroups: { defaultVendors: false } },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_INPUT }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this one page hosts the custom functions and the task pane.
        chunks: ["functions", "taskpane"],
        templateParameters: { csp: contentSecurityPolicy({ officeJsLocal, inlineStyles: false }), officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
        // No Office.js on the playground: scripts from our own origin only.
        templateParameters: { csp: contentSecurityPolicy({ officeJsLocal: true }) },
      }),
      new HelpPagePlugin({ input: FUNCTIONS_INPUT, csp }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...(officeJsLocal
            ? // What office.js loads at run time: its file map, Excel's host scripts, the
              // custom-functions runtime, telemetry and the localized strings (no .debug files).
              [
                "{office,o15apptofilemappingtable,custom-functions-runtime,es6-promise}.js",
                "excel*.js",
                "*/office_strings.js",
                "telemetry/oteljs_agave.js",
              ].map((from) => ({
                context: "node_modules/@microsoft/office-js/dist",
                from,
                to: "office-js/",
                globOptions: { ignore: ["**/*.debug.js"] },
                // Microsoft's files ship minified; re-minifying 14 MB would triple the build time.
                info: { minimized: true },
              }))
            : []),
        ],
      }),
      new UrlSwapPlugin({ from: DEV_URL, to: targetUrl }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, process.env.INFRA_DIST || "dist") },
      port: 3000,
      hot: false,
      liveReload: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await require("./scripts/dev-certs.cjs").httpsOptions() },
    },
  };
  if (!process.env.WEBPACK_SERVE) delete config.devServer;
  return config;
};
