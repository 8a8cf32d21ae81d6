/** A usage error (exit 2) raised by a command module outside main.ts. */
export class CommandUsageError extends Error {}
