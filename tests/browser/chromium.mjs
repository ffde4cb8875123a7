// What every browser script here shares: Debian's Chromium launched headless by playwright-core (no browser
// download), with the flags that keep it quiet on a machine with no network but the package registries, and where
// the screenshots go.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');

// --no-sandbox because CI runs as root; the rest keep Chromium from calling home (updates, sync, QUIC probes).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const executablePath = process.env.CODEFELLOW_CHROMIUM || '/usr/bin/chromium';

/// $SCREENSHOTS when set, else $CARGO_TARGET_DIR/browser, else target/browser at the repository root.
export function screenshotDir() {
  if (process.env.SCREENSHOTS) return resolve(process.env.SCREENSHOTS);
  const target = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repo, 'target');
  return join(target, 'browser');
}

export function launch() {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
