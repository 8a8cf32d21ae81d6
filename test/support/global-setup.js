// One id per test run, so the shared build (test/support/built-addin.ts) is made once per run.
module.exports = async () => {
  process.env.INFRA_TEST_RUN = `run${Date.now()}-${process.pid}`;
};
