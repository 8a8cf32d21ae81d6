/**
 * Loads .ts files in a plain Node process compiled by TypeScript itself
 * (transpileModule: the same compiler ts-loader uses for the add-in's bundle),
 * so timed code runs as the add-in ships it. tsx would not do here: its
 * esbuild output wraps every closure in a `__name` call that costs more than
 * some of the functions being timed.
 */
const fs = require("node:fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  isolatedModules: true,
  sourceMap: false,
};

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
