// Shared by the browser scripts (axe.mjs, rtl.mjs): headless Debian chromium and axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// A phone and a laptop.
export const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

// Chromium from QUORUM_CHROMIUM, else Debian's /usr/bin/chromium.
export function launch() {
  return chromium.launch({
    executablePath: process.env.QUORUM_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
}

// A context at `viewport`. The pages send a CSP without script-src: it is bypassed only
// to inject axe and to measure.
export function newContext(browser, viewport) {
  return browser.newContext({ viewport, bypassCSP: true });
}

// Loads `url` in `page`; throws unless it answers below 400.
export async function load(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res || res.status() >= 400) {
    throw new Error(`${url}: HTTP ${res ? res.status() : 'no answer'}`);
  }
}

// axe-core's violations on the loaded page: [{id, impact, help, targets}].
export async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
