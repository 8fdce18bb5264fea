// npm test: install what is missing (Chromium too), then lint, unit tests, builds, and the
// end-to-end suites (API over HTTP, browser, embedded start) against a throwaway PostgreSQL.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, repoRoot } from './ensure-deps.mjs';

const env = { ...process.env, NX_DAEMON: 'false' };
const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium';
const started = Date.now();
const steps = [];

function step(name, command, args) {
  console.log(`\n› ${name}: ${command} ${args.join(' ')}`);
  const t0 = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
  steps.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(`✖ Chromium is missing at ${chromium}. Install Debian's package: sudo apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
  console.log('› installing Chromium from Debian packages …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
}

/** LibreOffice Calc and poppler: the print tests open each export as a unit would and read the PDF. */
function ensureLibreOffice() {
  const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  if (has('soffice') && has('pdftotext')) return;
  if (process.getuid?.() !== 0) {
    console.error('✖ LibreOffice or poppler is missing. Install Debian\'s packages: sudo apt-get install -y libreoffice-calc-nogui poppler-utils fonts-noto-cjk');
    process.exit(1);
  }
  console.log('› installing LibreOffice Calc and poppler from Debian packages …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui poppler-utils fonts-noto-cjk', { stdio: 'inherit' });
}

ensureDependencies();
ensureChromium();
ensureLibreOffice();
step('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--output-style=static']);
step('unit tests', 'npx', ['nx', 'run-many', '-t', 'test', '--output-style=static']);
step('build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
const results = join(repoRoot, 'test', 'artifacts', 'e2e-results.json');
// --forceExit: the results are written and the global teardown has run when jest checks for open
// handles; a socket a suite left half-closed must not keep CI waiting until its time limit.
step('end-to-end tests', 'npx', ['jest', '-c', 'test/jest.config.cts', '--runInBand', '--forceExit', '--json', `--outputFile=${results}`]);
const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(results, 'utf8'));
console.log(`\n✔ all tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s (${steps.join(', ')})`);
console.log(`e2e: ${numPassedTests} passed, ${numFailedTests} failed`);
