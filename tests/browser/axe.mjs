// Loads each URL in headless Debian chromium at a phone width (390px) and a laptop width
// (1280px), runs axe-core on it and prints one JSON object on stdout:
//   {"pages":[{"url","width","violations":[{"id","impact","help","targets":[...]}]}],
//    "register":{"url","top","bottom","viewport_height"}}
// `--register URL` also measures where the next meeting's Register link (a.register-next)
// sits on URL at the phone width. With `--login URL EMAIL PASSWORD`, the first /staff page
// other than URL (the login form) and those after it are checked signed in. Run by
// tests/api/browser.rs.
import { VIEWPORTS, launch, load, newContext, violations } from './lib.mjs';

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

const browser = await launch();
const out = { pages: [], register: null };
try {
  for (const viewport of VIEWPORTS) {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    let signedIn = false;
    for (const url of urls) {
      // Pages under /staff after the login page are checked signed in.
      const path = new URL(url).pathname;
      if (login && !signedIn && path.startsWith('/staff') && url !== login.url) {
        await signIn(page);
        signedIn = true;
      }
      await load(page, url);
      out.pages.push({ url, width: viewport.width, violations: await violations(page) });
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
