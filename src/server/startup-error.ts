/** Why the server could not start, in words its operator can act on: printed without a stack trace. */
export class StartupError extends Error {}

/**
 * Runs one start-up step. Its failures come from the machine (a folder, a
 * database, a port), so they become a StartupError saying what failed and
 * what to check; one the step raised itself is worded already and passes as is.
 */
export async function startupStep<T>(what: string, hint: (error: Error) => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StartupError || !(error instanceof Error)) throw error;
    throw new StartupError(`${what}: ${error.message}\n${hint(error)}`, { cause: error });
  }
}
