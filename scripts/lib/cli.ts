/** Shared CLI plumbing: content errors print as one line and exit 1; anything else is a bug and keeps its stack. */
import { BuildError, isContentError } from './errors.ts';

/** Runs a CLI main function, turning content mistakes into a one-line error and a non-zero exit code. */
export async function runCli(main: () => Promise<number | void> | number | void): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    if (isContentError(error)) {
      console.error(`error: ${error.toLine()}`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof BuildError) {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

/** Milliseconds since `start`, for the timing lines the build prints. */
export function since(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}
