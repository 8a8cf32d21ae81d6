/**
 * Import fuzzing: whatever file a user picks, `parseAssumptionSetJson`
 * either returns a valid set or refuses with a SetValidationError whose
 * message says what is wrong. It never throws anything else, never hangs on a
 * huge file, and never lets markup into a name or a note.
 */
import fc from "fast-check";
import { parseAssumptionSetJson, SCHEMA_VERSION, SetValidationError } from "../../src/model/schema";
import { defaultSet } from "../../src/model/sets";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const VALID_TEXT = JSON.stringify(defaultSet());
const fresh = (): { [k: string]: Json } => JSON.parse(VALID_TEXT);

/** The refusal, or a failure naming what happened instead. */
function refusal(json: string): SetValidationError {
  try {
    parseAssumptionSetJson(json);
  } catch (e) {
    if (e instanceof SetValidationError) {
      expect(e.message).toMatch(/^The assumption set was refused: \S/);
      expect(e.problems.length).toBeGreaterThan(0);
      return e;
    }
    throw new Error(`threw ${(e as Error).name} instead of SetValidationError: ${(e as Error).message}`);
  }
  throw new Error(`accepted: ${json.slice(0, 200)}`);
}

/** Every [path, value] in the document, objects and arrays included. */
function nodes(doc: Json, at: (string | number)[] = []): [(string | number)[], Json][] {
  const out: [(string | number)[], Json][] = [[at, doc]];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...nodes(v, [...at, i])));
  else if (doc !== null && typeof doc === "object") for (const [k, v] of Object.entries(doc)) out.push(...nodes(v, [...at, k]));
  return out;
}

function setAt(doc: Json, path: (string | number)[], value: Json | undefined): void {
  let parent = doc as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
}

const ALL_NODES = nodes(fresh()).filter(([p]) => p.length > 0);
const typeOf = (v: Json) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

test("the bundled default set itself is accepted (the mutations below start from a valid file)", () => {
  expect(parseAssumptionSetJson(VALID_TEXT).id).toBe(defaultSet().id);
});

describe("malformed JSON is refused as not valid JSON", () => {
  const cases = ["", " ", "{", '{"format": "infra-assumption-set",}', VALID_TEXT.slice(0, VALID_TEXT.length / 2), "NaN", "{'a': 1}", "\u0000"];
  test.each(cases.map((c) => [c.slice(0, 30), c]))("%j", (_, json) => {
    expect(refusal(json).message).toMatch(/not valid JSON/);
  });

  test("any random text is refused, never thrown past the parser", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (json) => {
        refusal(json);
      }),
      { numRuns: 2000 },
    );
  });

  test("JSON that is not an object is refused", () => {
    for (const json of ["null", "42", '"text"', "[]", "true", "[" + VALID_TEXT + "]"]) expect(refusal(json).message).toMatch(/document/);
  });
});

test("wrong types anywhere in the document are refused, naming where", () => {
  const replacements: Json[] = [null, true, 0, -1, "", "text", [], {}, [1, 2], { x: 1 }];
  fc.assert(
    fc.property(fc.constantFrom(...ALL_NODES), fc.constantFrom(...replacements), ([path, original], replacement) => {
      fc.pre(typeOf(replacement) !== typeOf(original));
      // An optional field set to null is still a wrong type (zod optional means absent, not null).
      const doc = fresh();
      setAt(doc, path, replacement);
      const e = refusal(JSON.stringify(doc));
      expect(e.message.length).toBeGreaterThan(40);
    }),
    { numRuns: 3000 },
  );
});

test("numbers out of their parameter's range are refused, naming the parameter and the range", () => {
  const numeric = ALL_NODES.filter(
    ([p, v]) => typeof v === "number" && p[0] === "parameters" && (p[2] === "value" || p[2] === "path" || p[2] === "shares"),
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...numeric),
      fc.oneof(fc.constantFrom(-1, -1e-9, 1e9, 1e308, -1e308), fc.double({ min: 1e6, max: 1e300, noNaN: true })),
      ([path], value) => {
        const doc = fresh();
        setAt(doc, path, value);
        const e = refusal(JSON.stringify(doc));
        expect(e.message).toContain(`parameters.${String(path[1])}`);
      },
    ),
    { numRuns: 1000 },
  );
});

test("unknown keys at any level are refused, naming the key", () => {
  const objects = ALL_NODES.filter(([, v]) => v !== null && typeof v === "object" && !Array.isArray(v));
  const ownPaths = [[[], fresh()] as [(string | number)[], Json], ...objects];
  fc.assert(
    fc.property(
      fc.constantFrom(...ownPaths),
      fc.constantFrom("extra", "__proto__x", "constructor", "Value", "notes", "2031x"),
      ([path], key) => {
        const doc = fresh();
        const target = (path.length ? path.reduce((o: Json, k) => (o as Record<string, Json>)[k], doc) : doc) as Record<string, Json>;
        target[key] = 1;
        refusal(JSON.stringify(doc));
      },
    ),
    { numRuns: 1000 },
  );
});

test("a missing required field is refused", () => {
  const required = ["format", "schema_version", "id", "name", "summary", "vintage", "base_year", "parameters"];
  for (const key of required) {
    const doc = fresh();
    delete doc[key];
    expect(refusal(JSON.stringify(doc)).message).toContain(key);
  }
});

test("a newer schema version is refused by name, asking for an update", () => {
  for (const version of [SCHEMA_VERSION + 1, 99]) {
    const doc = fresh();
    doc.schema_version = version;
    expect(refusal(JSON.stringify(doc)).message).toMatch(new RegExp(`schema_version ${version} is newer.*update`));
  }
});

test("a 10 MB file is refused by size before it is parsed", () => {
  const doc = fresh();
  doc.description = "x".repeat(10 * 1024 * 1024);
  const json = JSON.stringify(doc);
  expect(json.length).toBeGreaterThan(10_000_000);
  expect(refusal(json).message).toMatch(/MB; the limit is 1 MB/);
  // Ten megabytes of anything (not even JSON) gets the same answer.
  expect(refusal("[".repeat(10_000_001)).message).toMatch(/the limit is 1 MB/);
});

describe("markup in names, summaries, descriptions, notes and sources is refused", () => {
  const payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a</b>", "<!-- x -->", "< svg onload=1>", "<?xml?>"];
  const textFields = ALL_NODES.filter(
    ([p, v]) => typeof v === "string" && ["name", "summary", "description", "note", "publisher", "title", "unit"].includes(String(p[p.length - 1])),
  );

  test("every payload in the top-level name", () => {
    for (const payload of payloads) {
      const doc = fresh();
      doc.name = `Set ${payload}`;
      expect(refusal(JSON.stringify(doc)).message).toMatch(/name: must not contain markup/);
    }
  });

  test("any payload in any text field", () => {
    fc.assert(
      fc.property(fc.constantFrom(...textFields), fc.constantFrom(...payloads), fc.string({ maxLength: 20 }), ([path], payload, around) => {
        const doc = fresh();
        setAt(doc, path, `${around}${payload}${around}`);
        refusal(JSON.stringify(doc));
      }),
      { numRuns: 1000 },
    );
  });

  test("notes may still compare figures with < and > (no tag follows)", () => {
    const doc = fresh();
    doc.description = "Demand < 50 GW and > 20 GW; 3 <= 4";
    expect(parseAssumptionSetJson(JSON.stringify(doc)).description).toBe(doc.description);
  });
});

test("random mutations of a valid file: accepted as a valid set, or refused with a message", () => {
  const anyJson = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...ALL_NODES), fc.option(anyJson, { nil: undefined })), { minLength: 1, maxLength: 4 }),
      (edits) => {
        const doc = fresh();
        for (const [[path], value] of edits) {
          try {
            setAt(doc, path, value);
          } catch {
            // An earlier edit removed this path's parent; skip the edit.
          }
        }
        const json = JSON.stringify(doc);
        try {
          const set = parseAssumptionSetJson(json);
          expect(set.format).toBe("infra-assumption-set");
        } catch (e) {
          if (!(e instanceof SetValidationError)) throw e;
          expect(e.problems.length).toBeGreaterThan(0);
        }
      },
    ),
    { numRuns: 1500 },
  );
});
