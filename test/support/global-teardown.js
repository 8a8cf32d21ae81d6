// Removes the shared build of this run.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

module.exports = async () => {
  const id = process.env.INFRA_TEST_RUN;
  if (id) fs.rmSync(path.join(os.tmpdir(), `infra-addin-build-${id}`), { recursive: true, force: true });
};
