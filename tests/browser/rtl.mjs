// Pages in two directions: loads each NAME=URL in headless Debian chromium at a phone
// width (390px) and a laptop width (1280px), takes a full-page screenshot
// (DIR/NAME-WIDTH.png), runs axe-core and measures where the layout puts things, printing
// one JSON object on stdout:
//   {"pages":[{"name","url","width","lang","dir","direction","inner_width","scroll_width",
//     "brand":{"left","right"},"header":{"left","right"},"main":{"left","right"},
//     "h1":{"left","right"},"screenshot","violations":[...]}]}
// `header` and `main` are the content boxes (inside the padding) of the site header and
// of <main>; `h1` is the extent of the page heading's text; `direction` is the computed
// direction of <body>. Usage: node rtl.mjs --shots DIR NAME=URL... Run by
// tests/api/browser.rs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWPORTS, launch, load, newContext, violations } from './lib.mjs';

const args = process.argv.slice(2);
let shots = '.';
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--shots') shots = args[++i];
  else {
    const at = args[i].indexOf('=');
    pages.push({ name: args[i].slice(0, at), url: args[i].slice(at + 1) });
  }
}
mkdirSync(shots, { recursive: true });

function measure() {
  const edges = (r) => ({ left: r.left, right: r.right });
  const content = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return {
      left: r.left + parseFloat(cs.paddingLeft),
      right: r.right - parseFloat(cs.paddingRight),
    };
  };
  const brand = document.querySelector('header.site .brand');
  const h1 = document.querySelector('main h1');
  let h1Text = null;
  if (h1) {
    const range = document.createRange();
    range.selectNodeContents(h1);
    h1Text = edges(range.getBoundingClientRect());
  }
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
    inner_width: window.innerWidth,
    scroll_width: document.documentElement.scrollWidth,
    brand: brand ? edges(brand.getBoundingClientRect()) : null,
    header: content(document.querySelector('header.site')),
    main: content(document.querySelector('main')),
    h1: h1Text,
  };
}

const browser = await launch();
const out = { pages: [] };
try {
  for (const viewport of VIEWPORTS) {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    for (const { name, url } of pages) {
      await load(page, url);
      const screenshot = join(shots, `${name}-${viewport.width}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      const layout = await page.evaluate(measure);
      out.pages.push({
        name,
        url,
        width: viewport.width,
        ...layout,
        screenshot,
        violations: await violations(page),
      });
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
