// Stops this run's shared build if it is still running (no test needed it to the end) and removes it.
const fs = require("node:fs");
const { runDir, runningSharedBuild } = require("./built-addin.ts");

module.exports = async () => {
  const id = process.env.INFRA_TEST_RUN;
  if (!id) return;
  const pid = runningSharedBuild(id);
  if (pid) {
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 50 && runningSharedBuild(id); i++) await new Promise((r) => setTimeout(r, 100));
  }
  fs.rmSync(runDir(id), { recursive: true, force: true });
};
