// Loads each URL in headless Debian chromium at a phone width (390px) and a laptop width
// (1280px), runs axe-core on it and prints one JSON object on stdout:
//   {"pages":[{"url","width","violations":[{"id","impact","help","targets":[...]}]}],
//    "register":{"url","top","bottom","viewport_height"}}
// `--register URL` also measures where the next meeting's Register link (a.register-next)
// sits on URL at the phone width. With `--login URL EMAIL PASSWORD`, the first /staff page
// other than URL (the login form) and those after it are checked signed in. Run by
// tests/api/browser.rs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

const args = process.argv.slice(2);
let registerUrl = null;
let login = null;
const urls = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--register') registerUrl = args[++i];
  else if (args[i] === '--login') {
    login = { url: args[i + 1], email: args[i + 2], password: args[i + 3] };
    i += 3;
  } else urls.push(args[i]);
}

async function signIn(page) {
  await page.goto(login.url);
  await page.fill('input[name=email]', login.email);
  await page.fill('input[name=password]', login.password);
  await Promise.all([
    page.waitForNavigation(),
    page.click('form[action="/staff/login"] button[type=submit]'),
  ]);
  if (new URL(page.url()).pathname !== '/staff') {
    throw new Error(`sign-in failed: at ${page.url()}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.QUORUM_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const out = { pages: [], register: null };
try {
  for (const viewport of VIEWPORTS) {
    // The pages send a CSP without script-src: bypass it only to inject axe.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    let signedIn = false;
    for (const url of urls) {
      // Pages under /staff after the login page are checked signed in.
      const path = new URL(url).pathname;
      if (login && !signedIn && path.startsWith('/staff') && url !== login.url) {
        await signIn(page);
        signedIn = true;
      }
      const res = await page.goto(url, { waitUntil: 'load' });
      if (!res || res.status() >= 400) {
        throw new Error(`${url}: HTTP ${res ? res.status() : 'no answer'}`);
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { resultTypes: ['violations'] }),
      );
      out.pages.push({
        url,
        width: viewport.width,
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        })),
      });
    }
    if (registerUrl && viewport.width === 390) {
      await page.goto(registerUrl, { waitUntil: 'load' });
      const box = await page.locator('a.register-next').first().boundingBox();
      out.register = {
        url: registerUrl,
        top: box ? box.y : null,
        bottom: box ? box.y + box.height : null,
        viewport_height: viewport.height,
      };
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
