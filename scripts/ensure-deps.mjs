// Installs node_modules when they are missing or older than package-lock.json.
// No dependencies of its own: it runs before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(fileURLToPath(import.meta.url), '..', '..');

export function ensureDependencies() {
  const marker = join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = join(repoRoot, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('› installing dependencies (npm install) …');
  execSync('npm install --no-audit --no-fund', { cwd: repoRoot, stdio: 'inherit' });
  // npm leaves the marker untouched when nothing changed; mark the check as done.
  const now = new Date();
  utimesSync(marker, now, now);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDependencies();
