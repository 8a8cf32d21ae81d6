/**
 * The two error kinds a cell can show with a message (Excel carries a custom
 * message only on #VALUE! and #N/A). The model throws these; the Excel edge
 * maps them to `CustomFunctions.Error`, the command line to JSON.
 */
export type InfraErrorKind = "value" | "na";

export class InfraError extends Error {
  readonly kind: InfraErrorKind;

  constructor(kind: InfraErrorKind, message: string) {
    super(message);
    this.name = "InfraError";
    this.kind = kind;
  }
}

/** `#VALUE!`: an argument of the wrong type or outside its valid range. */
export function invalidValue(message: string): InfraError {
  return new InfraError("value", message);
}

/** `#N/A`: an unknown scenario or source, or a year outside the set's path. */
export function notAvailable(message: string): InfraError {
  return new InfraError("na", message);
}

/** Characters of a given text a message repeats. */
const SHOWN_CHARS = 40;

/** Text the user gave, quoted for a message and cut after 40 characters ("…"), never inside a surrogate pair. */
export function quoteGiven(text: string): string {
  if (text.length <= SHOWN_CHARS) return `"${text}"`;
  const high = text.charCodeAt(SHOWN_CHARS - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? SHOWN_CHARS - 1 : SHOWN_CHARS;
  return `"${text.slice(0, end)}…"`;
}

/** How a value the user gave is echoed back in a message: short, unambiguous, never markup. */
export function describeGiven(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return value === "" ? "empty text" : `text ${quoteGiven(value)}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "a non-number";
    if (!Number.isFinite(value)) return "an infinite number";
    return String(value);
  }
  if (Array.isArray(value)) {
    const rows = value.length;
    const cols = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 1;
    return `a ${rows}×${cols} range`;
  }
  return "an unsupported value";
}
