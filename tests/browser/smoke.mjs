// Proves the browser toolchain: playwright-core drives Debian's Chromium headless, clicks a button on a
// data: URL page, checks that the click ran, and saves a screenshot. Nothing is fetched from the network.
//
//   CODEFELLOW_CHROMIUM=/usr/bin/chromium node tests/browser/smoke.mjs
//
// The screenshot goes to $CARGO_TARGET_DIR/browser/smoke.png (default: target/browser/smoke.png at the
// repository root). Exit 0 on success, 1 with a message on any failure.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repo, 'target');
const outDir = join(targetDir, 'browser');
const shot = join(outDir, 'smoke.png');
const executablePath = process.env.CODEFELLOW_CHROMIUM || '/usr/bin/chromium';

// The flags that keep Chromium quiet on a machine with no network but the package registries
// (and --no-sandbox because CI runs as root).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const page_html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Codefellow smoke</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem}button{font-size:1rem;padding:.4rem 1rem}</style></head>
<body><h1>Codefellow browser smoke test</h1>
<button id="go" type="button">Click me</button>
<p id="out" role="status">not clicked</p>
<script>document.getElementById('go').addEventListener('click',()=>{document.getElementById('out').textContent='clicked'})</script>
</body></html>`;

async function main() {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 400 } });
    await page.goto('data:text/html;charset=utf-8,' + encodeURIComponent(page_html));
    await page.getByRole('button', { name: 'Click me' }).click();
    const text = await page.locator('#out').textContent();
    if (text !== 'clicked') throw new Error(`the click did not run: #out says ${JSON.stringify(text)}`);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: shot });
    console.log(`browser smoke: ${browser.version()} clicked a button; screenshot ${shot}`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`browser smoke FAILED (${executablePath}): ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
