/**
 * `INFRA_URL=… npm run build` refuses the addresses `npm run package` refuses, with the same
 * reason (one check, scripts/address.cjs), before building anything: the build writes the
 * address into every manifest, page and functions.json.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addressProblem } from "../../src/tools/package";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (env: object, argv: object) => Promise<object>;

/** The project's webpack configuration, as `webpack --mode production` builds it, with INFRA_URL=`url`. */
async function configFor(url: string): Promise<object> {
  const saved = { INFRA_URL: process.env.INFRA_URL, WEBPACK_SERVE: process.env.WEBPACK_SERVE };
  process.env.INFRA_URL = url;
  delete process.env.WEBPACK_SERVE;
  try {
    return await makeConfig({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: "production" });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

test.each([
  "http://example.com/infra/",
  "https://localhost:3000/",
  "https://127.0.0.1/infra/",
  "https://example.com/infra/?v=1",
  "not a url",
  "https://deploy:secret@example.com/infra/",
  "https://example.com/r&d/infra/",
])("the build refuses %s with the package's reason", async (url) => {
  const reason = addressProblem(url);
  expect(reason).toBeTruthy();
  await expect(configFor(url)).rejects.toThrow(reason as string);
});

test("a good address builds (the configuration is made)", async () => {
  expect(addressProblem("https://addins.example.com/infra/")).toBeNull();
  await expect(configFor("https://addins.example.com/infra/")).resolves.toBeTruthy();
});

test("npm run build exits non-zero with the reason, and writes nothing", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infra-build-url-"));
  try {
    const dist = path.join(dir, "dist");
    const r = spawnSync("npm", ["run", "--silent", "build"], {
      cwd: ROOT,
      env: { ...process.env, INFRA_URL: "http://example.com/infra/", INFRA_DIST: dist, OFFICE_JS: "", WEBPACK_SERVE: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/INFRA_URL must use https/);
    // The reason, not a stack trace through webpack-cli.
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(dist)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
