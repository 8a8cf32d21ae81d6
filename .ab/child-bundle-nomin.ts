/**
 * Bundles bench/child.ts for Node with webpack in production mode, compiled
 * like the add-in (ts-loader, ES2020, ESM module concatenation, minified), so
 * the timed wrappers run as they ship rather than as a dev loader emits them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { ROOT } from "../bench/lib/build";

export async function buildChildBundle(): Promise<{ file: string; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-bench-"));
  const config: webpack.Configuration = {
    mode: "production",
    target: "node",
    context: ROOT,
    entry: { child: "./bench/child.ts" },
    output: { path: dir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    devtool: false,
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { minimize: false },
  };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  return { file: path.join(dir, "child.js"), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
