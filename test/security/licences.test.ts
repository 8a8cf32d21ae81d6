/**
 * Licences of the production dependencies (`npm ls --omit=dev --all`): what
 * the add-in's users receive must carry a permissive licence.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { declaredLicence, licenceProblem } from "./licences";

const ROOT = path.resolve(__dirname, "../..");

interface LsNode {
  version?: string;
  path?: string;
  dependencies?: Record<string, LsNode>;
}

function productionPackages(): Map<string, string> {
  const out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--json", "--long"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const dirs = new Map<string, string>();
  const walk = (node: LsNode) => {
    for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
      if (dep.path) dirs.set(`${name}@${dep.version}`, dep.path);
      walk(dep);
    }
  };
  walk(JSON.parse(out) as LsNode);
  return dirs;
}

test("the policy refuses copyleft and unknown licences and accepts a permissive alternative", () => {
  expect(licenceProblem("MIT")).toBeNull();
  expect(licenceProblem("(MIT OR GPL-3.0-or-later)")).toBeNull();
  expect(licenceProblem("MIT AND Apache-2.0")).toBeNull();
  for (const bad of ["GPL-3.0", "GPL-3.0-only", "AGPL-3.0", "LGPL-2.1-or-later", "SSPL-1.0", "UNLICENSED", "MIT AND GPL-2.0", undefined]) {
    expect(licenceProblem(bad)).not.toBeNull();
  }
});

test("every production dependency carries a permissive licence (nothing GPL, AGPL or LGPL)", () => {
  const packages = productionPackages();
  expect(packages.size).toBeGreaterThan(0);
  const problems = [...packages].flatMap(([id, dir]) => {
    const problem = licenceProblem(declaredLicence(dir).licence);
    return problem ? [`${id}: ${problem}`] : [];
  });
  expect(problems).toEqual([]);
});
