/**
 * The development server's header middleware (scripts/headers.cjs, used by webpack.config.js
 * for `npm start`), without a server: a malformed address is refused with 400 and one line,
 * never a 500 with a stack trace; a good one gets its headers and goes on.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { headersMiddleware } = require("../../scripts/headers.cjs") as {
  headersMiddleware(options?: { officeJsLocal?: boolean }): (req: { url?: string }, res: FakeResponse, next: () => void) => void;
};

class FakeResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  body = "";
  ended = false;
  setHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }
  end(body = ""): void {
    this.body += body;
    this.ended = true;
  }
}

function serve(url: string): { res: FakeResponse; passedOn: boolean } {
  const res = new FakeResponse();
  let passedOn = false;
  headersMiddleware()({ url }, res, () => (passedOn = true));
  return { res, passedOn };
}

test.each(["/%E0%A4%A", "/%", "/taskpane.html%FF", "/assets/%C0%AF"])("%s is answered 400 with one line, and goes no further", (url) => {
  const { res, passedOn } = serve(url);
  expect(passedOn).toBe(false);
  expect(res.ended).toBe(true);
  expect(res.statusCode).toBe(400);
  expect(res.headers["content-type"]).toMatch(/^text\/plain/);
  expect(res.body.trim().split("\n")).toHaveLength(1);
  expect(res.body).not.toMatch(/URIError|\bat .*\(/);
});

test("a good address, escapes included, gets its headers and goes on to the files", () => {
  const page = serve("/taskpane.html");
  expect(page.passedOn).toBe(true);
  expect(page.res.headers["cache-control"]).toBe("no-cache");
  expect(page.res.headers["content-security-policy"]).toBeTruthy();
  // %2E is "." : the escaped name is the same page and gets the same policy.
  expect(serve("/taskpane%2Ehtml").res.headers["content-security-policy"]).toBe(page.res.headers["content-security-policy"]);
  expect(serve("/functions.json").res.headers["access-control-allow-origin"]).toBe("*");
});
