/**
 * Content errors: mistakes in replies, translations or the glossary that an
 * editor must fix. They print as one line (file, block or term, problem, fix)
 * and never as a stack trace.
 */

/** Where a content problem lives: a file, and optionally a block id or glossary term in it. */
export interface ContentLocation {
  file: string;
  block?: string;
  line?: number;
}

/** A mistake in content (not a bug in the code): carries where it is and how to fix it. */
export class ContentError extends Error {
  readonly location: ContentLocation;
  readonly hint: string;
  constructor(location: ContentLocation, problem: string, hint: string, options?: { cause?: unknown }) {
    super(problem, options);
    this.name = 'ContentError';
    this.location = location;
    this.hint = hint;
  }
  /** The one line an editor sees: `file[:line] [block]: problem. Fix: hint` */
  toLine(): string {
    return formatProblem(this.location, this.message, this.hint);
  }
}

/** Formats a located problem the way every check in this project reports it. */
export function formatProblem(location: ContentLocation, problem: string, hint: string): string {
  const where = location.line ? `${location.file}:${location.line}` : location.file;
  const block = location.block ? ` [${location.block}]` : '';
  return `${where}${block}: ${problem}. Fix: ${hint}`;
}

/** True for errors that describe content mistakes, so CLIs can print them without a stack. */
export function isContentError(error: unknown): error is ContentError {
  return error instanceof ContentError;
}

/** A build step that failed for a reason other than content (e.g. a missing route): printed as one line, with its cause. */
export class BuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BuildError';
  }
}
