/**
 * The production address (INFRA_URL) checks, in one place: `npm run package`
 * refuses a bad address before building (src/tools/package.ts), and
 * `INFRA_URL=… npm run build` refuses the same addresses (webpack.config.js),
 * since the build writes the address into every manifest, page and functions.json.
 */
const { URL } = require("node:url");

/** Why `url` (INFRA_URL) cannot be the production address, or null when it can. */
function addressProblem(url) {
  if (!url) return "set INFRA_URL to the https address the files will be served from, e.g. INFRA_URL=https://addins.example.com/infra/";
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `INFRA_URL "${url}" is not an absolute address`;
  }
  if (parsed.protocol !== "https:") return `INFRA_URL must use https:// (Office loads add-ins over https only); got ${url}`;
  // Every manifest address would carry them, for every analyst's Excel (and anyone with the manifest) to read.
  if (parsed.username || parsed.password) return `INFRA_URL must not hold a user name or password; got ${parsed.protocol}//…@${parsed.host}${parsed.pathname}`;
  // The URL parser writes an IPv4-mapped address in hex ([::ffff:127.0.0.1] is ::ffff:7f00:1).
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase().replace(/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/, "127.0.0.1");
  if (host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0" || host === "::") {
    return `INFRA_URL names this machine (${parsed.host}); use the address your analysts' Excel will reach`;
  }
  if (parsed.search || parsed.hash) return `INFRA_URL must be a plain folder address, without ?query or #fragment; got ${url}`;
  // The build writes the address as it is into XML, JSON and HTML (the manifests, the pages): nothing there to escape.
  if (!/^\/[A-Za-z0-9\-._~%/]*$/.test(parsed.pathname) || /[&'"<>\s]/.test(url)) {
    return `INFRA_URL's path may hold only letters, digits, - . _ ~ / and %-escapes; got ${url}`;
  }
  return null;
}

module.exports = { addressProblem };
