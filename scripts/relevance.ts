/**
 * `npm run relevance [-- --no-build]`: runs the search relevance suite over a
 * fresh build of the test content (content/ and the real replies the site
 * tests add, tests/global-setup.ts) into .test-dist/relevance, and over plain
 * Pagefind indexing the same pages, and writes bench/results/relevance.md.
 * The test suite runs the same queries and asserts; only this command writes
 * the report.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { runCli } from './lib/cli.ts';
import { BuildError } from './lib/errors.ts';
import { failures, mrr, precision, RULES, relevanceReport, runRelevance } from '../tests/site/relevance-run.ts';
import { assembleContent, checkContent, TEST_CONTENT } from '../tests/global-setup.ts';

const DIST = process.env.OUT_DIR || '.test-dist/relevance';
const PLAIN = '.test-dist/plain-pagefind';

await runCli(async () => {
  if (!process.argv.includes('--no-build')) {
    // The repository's content is held to --strict; the added real replies are untranslated, as a reply just added is.
    checkContent();
    assembleContent();
    const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', env: { ...process.env, CONTENT_DIR: TEST_CONTENT, OUT_DIR: DIST, BASE_PATH: '/' } });
    if (build.status !== 0) throw new BuildError('the build failed (output above); no report written');
  }
  rmSync(PLAIN, { recursive: true, force: true });
  const answers = await runRelevance({ dir: DIST, base: '/' }, PLAIN);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/relevance.md', relevanceReport(answers));
  const missed = failures(answers);
  console.log(`relevance: precision@1 ${precision(answers, RULES.oursExact).toFixed(2)}, top 3 ${precision(answers, RULES.oursTop3).toFixed(2)}, MRR ${mrr(answers).toFixed(2)} (page level ${precision(answers, RULES.oursPage).toFixed(2)}; plain Pagefind page level ${precision(answers, RULES.plainPage).toFixed(2)}, heading ${precision(answers, RULES.plainHeading).toFixed(2)}); wrote bench/results/relevance.md`);
  for (const line of missed) console.log(`  miss: ${line}`);
  return 0;
});
