// Lighthouse 12.2.3 on pages that need a signed-in staff member: Chromium is started once, signs in through the real form,
// and Lighthouse then audits each page in that browser (storage not reset, so the auth cookie stays). Run from a folder where
// `npm i lighthouse@12.2.3` was done (it brings puppeteer-core and chrome-launcher):
//   NODE_PATH=<that folder>/node_modules node bench/lighthouse/signed-in.mjs <base url> <email> <password> <out.json> /page1 /page2 …
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
const require = createRequire(path.join(process.env.NODE_PATH, 'x.js'));
const { launch } = require('chrome-launcher');
const puppeteer = require('puppeteer-core');
const lighthouse = (await import(path.join(process.env.NODE_PATH, 'lighthouse/core/index.js'))).default;

const [base, email, password, out, ...pages] = process.argv.slice(2);
const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const page = await browser.newPage();
await page.goto(`${base}/account/login`);
await page.type('#login-email', email);
await page.type('#login-password', password);
await Promise.all([page.waitForNavigation(), page.click('[data-testid=login-submit]')]);
await page.close();
const results = {};
for (const p of pages) {
  const result = await lighthouse(`${base}${p}`, { port: chrome.port, onlyCategories: ['performance'], disableStorageReset: true, output: 'json', logLevel: 'error' });
  results[p] = result.lhr;
}
writeFileSync(out, JSON.stringify(results));
await browser.disconnect();
await chrome.kill();
