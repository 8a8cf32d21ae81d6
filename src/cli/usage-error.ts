/** A usage error (wrong arguments; exit 2, with the usage) raised by a command module outside main.ts. */
export class CommandUsageError extends Error {}

/**
 * A refusal (exit 2, as a usage error): the arguments are the right ones but the input cannot be
 * used (a file that does not exist, a formula that does not parse, an unknown set id). One line
 * says why; the usage text would not help.
 */
export class CommandRefusal extends Error {}
