// Proves the browser toolchain: playwright-core drives Debian's Chromium headless, clicks a button on a
// data: URL page, checks that the click ran, and saves a screenshot. Nothing is fetched from the network.
//
//   CODEFELLOW_CHROMIUM=/usr/bin/chromium node tests/browser/smoke.mjs
//
// The screenshot goes to $CARGO_TARGET_DIR/browser/smoke.png (default: target/browser/smoke.png at the
// repository root). Exit 0 on success, 1 with a message on any failure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { executablePath, launch, screenshotDir } from './chromium.mjs';

const outDir = screenshotDir();
const shot = join(outDir, 'smoke.png');

const page_html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Codefellow smoke</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem}button{font-size:1rem;padding:.4rem 1rem}</style></head>
<body><h1>Codefellow browser smoke test</h1>
<button id="go" type="button">Click me</button>
<p id="out" role="status">not clicked</p>
<script>document.getElementById('go').addEventListener('click',()=>{document.getElementById('out').textContent='clicked'})</script>
</body></html>`;

async function main() {
  const browser = await launch();
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
