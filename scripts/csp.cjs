/**
 * The Content-Security-Policy of every page the build emits. Scripts only
 * from our own origin and Office.js's CDN; no inline script, no eval.
 * `inlineStyles: false` also refuses inline styles: the task pane builds its
 * styles as constructed stylesheets (CSSOM), which the policy does not govern.
 */
function contentSecurityPolicy({ officeJsLocal = false, inlineStyles = true } = {}) {
  const office = officeJsLocal ? "" : " https://appsforoffice.microsoft.com";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    `connect-src 'self'${office}`,
    `style-src 'self'${inlineStyles ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'self' https://*.officeapps.live.com https://*.office.com https://*.microsoft.com",
  ].join("; ");
}

module.exports = { contentSecurityPolicy };
