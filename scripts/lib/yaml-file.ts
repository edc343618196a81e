/** Reading YAML data files with errors that name the file and line instead of throwing a parser stack. */
import { parseDocument } from 'yaml';
import { ContentError } from './errors.ts';

/** Parses YAML text; a syntax error or duplicate key becomes a one-line ContentError with the line number. */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const problem = error.code === 'DUPLICATE_KEY' ? 'a key appears twice' : `invalid YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`;
    throw new ContentError({ file, line }, problem, error.code === 'DUPLICATE_KEY' ? 'keep one entry per key' : 'fix the indentation or quoting on that line (a YAML linter helps)');
  }
  return doc.toJS();
}
