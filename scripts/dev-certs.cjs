/**
 * HTTPS certificates for https://localhost:3000, from office-addin-dev-certs.
 * Generates them into ~/.office-addin-dev-certs when missing or expiring, but
 * never tries to install the CA into the system store (that needs sudo, which
 * tests, CI and many Linux machines do not have). Excel on Windows/Mac trusts
 * them through `office-addin-dev-certs install`, which `npm start` runs there.
 */
const fs = require("node:fs");
const { X509Certificate } = require("node:crypto");
const { generateCertificates } = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

const DAY_MS = 24 * 60 * 60 * 1000;

function usable() {
  try {
    const cert = new X509Certificate(fs.readFileSync(defaults.localhostCertificatePath));
    return fs.existsSync(defaults.localhostKeyPath) && fs.existsSync(defaults.caCertificatePath) && Date.parse(cert.validTo) > Date.now() + DAY_MS;
  } catch {
    return false;
  }
}

/** `{ ca, cert, key }` for an https server on localhost. */
async function httpsOptions() {
  if (!usable()) {
    fs.mkdirSync(defaults.certificateDirectory, { recursive: true });
    await generateCertificates(defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath, 30);
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { httpsOptions, caCertificatePath: defaults.caCertificatePath };
