/**
 * The HTTP headers the add-in's files should be served with, in one place:
 * `npm start` sends them, `npm run package` writes them for the web host
 * (hosting/_headers), and the README lists them.
 *
 * - Pages, functions.json and the manifest: `Cache-Control: no-cache` (the
 *   browser and Office may keep a copy but must ask the server before using
 *   it), so a new version reaches every analyst at the next start.
 * - Content-hashed bundles (`name.<hash>.js`): cached for a year, immutable;
 *   a new version has new names, which the no-cache pages point at.
 * - Icons: a day (their names are stable; a new icon takes a day at most).
 * - Every page's Content-Security-Policy as a header too, the same policy as
 *   its meta tag (the header applies before the page is parsed, and some
 *   proxies and scanners read only headers; the two never disagree).
 * - functions.json: `Access-Control-Allow-Origin: *`, because Excel on the web
 *   fetches the metadata from its own origin (*.officeapps.live.com); no other
 *   file needs it.
 */
const { URL } = require("node:url");
const { contentSecurityPolicy } = require("./csp.cjs");

/** Each page's CSP options (scripts/csp.cjs); the build's meta tags use the same. */
const PAGE_POLICY = {
  // The pane builds its styles as constructed stylesheets: no inline styles at all.
  "taskpane.html": { inlineStyles: false },
  "help.html": { inlineStyles: true },
  // No Office.js on the playground: scripts from our own origin only.
  "playground.html": { inlineStyles: true, noOfficeJs: true },
};

/** The policy of `page` (a file name such as "taskpane.html"), or null when it is not one of ours. */
function pagePolicy(page, { officeJsLocal = false } = {}) {
  const options = PAGE_POLICY[page];
  if (!options) return null;
  return contentSecurityPolicy({ officeJsLocal: officeJsLocal || Boolean(options.noOfficeJs), inlineStyles: options.inlineStyles });
}

const NO_CACHE = "no-cache";
const IMMUTABLE = "public, max-age=31536000, immutable";
const ONE_DAY = "public, max-age=86400";

/** A content-hashed bundle or chunk name, as the production build writes them. */
const HASHED = /\.[0-9a-f]{16,}\.js$/;

/** The headers for the file at `relPath` (relative to the add-in's root, "/" separators). */
function headersFor(relPath, { officeJsLocal = false } = {}) {
  const name = relPath.split("/").pop() ?? relPath;
  const headers = { "X-Content-Type-Options": "nosniff" };
  if (name.endsWith(".html")) {
    headers["Cache-Control"] = NO_CACHE;
    const policy = pagePolicy(name, { officeJsLocal });
    if (policy) headers["Content-Security-Policy"] = policy;
  } else if (HASHED.test(name)) headers["Cache-Control"] = IMMUTABLE;
  else if (name === "functions.json") {
    headers["Cache-Control"] = NO_CACHE;
    headers["Access-Control-Allow-Origin"] = "*";
  } else if (/\.png$/.test(name)) headers["Cache-Control"] = ONE_DAY;
  else headers["Cache-Control"] = NO_CACHE;
  return headers;
}

/**
 * The same rules in the `_headers` format that several static hosts read
 * (path patterns, then indented `Name: value` lines), for the files in `files`.
 */
function headersFile(files, { basePath = "/", officeJsLocal = false } = {}) {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  return (
    [...files]
      .sort()
      .map((f) => `${base}${f}\n${Object.entries(headersFor(f, { officeJsLocal })).map(([k, v]) => `  ${k}: ${v}`).join("\n")}`)
      .join("\n") + "\n"
  );
}

/**
 * The development server's middleware (`npm start`, webpack.config.js): sets each file's headers,
 * then passes the request on. An address that is not valid percent-encoding (`/%E0%A4%A`) names
 * no file: it is answered 400 with one line here, instead of a 500 with a stack trace from
 * decodeURIComponent further on.
 */
function headersMiddleware({ officeJsLocal = false } = {}) {
  return (req, res, next) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname).replace(/^\/+/, "");
    } catch {
      res.statusCode = 400;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", NO_CACHE);
      res.end("Bad request: the address is not valid percent-encoding.\n");
      return;
    }
    for (const [name, value] of Object.entries(headersFor(rel || "index.html", { officeJsLocal }))) res.setHeader(name, value);
    next();
  };
}

module.exports = { headersFor, headersFile, headersMiddleware, pagePolicy, PAGE_POLICY, HASHED };
