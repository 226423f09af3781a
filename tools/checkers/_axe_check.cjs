// axe-core accessibility check of local HTML files in Debian's headless
// chromium, driven by playwright-core. Called by check-html.sh.
//
// Usage: node _axe_check.cjs FILE...
// Env:   CHECKERS_HOME (default ~/.cache/inspectkit-checkers; node_modules under node/)
//        CHROMIUM      (default /usr/bin/chromium)
//        SHOT          if set, a full-page PNG is written there (with several
//                      files: SHOT's stem + "-N" + ext, N = 1..)
//        AXE_TAGS      comma list, default wcag2a,wcag2aa,wcag21a,wcag21aa
// Output: per file, each violated rule as "  id impact=... nodes=N help",
//         and last "axe: violations=M nodes=K files=F", where M counts
//         (file, rule) pairs. Exit 0 if it ran, 2 if it could not.
// Every request that is not file:/data:/blob:/about: is aborted, so a report
// that pulls a CDN script or font is both visible (blocked_requests=N) and
// cannot hang on this machine's closed network.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { pathToFileURL } = require('url');
const { createRequire } = require('module');

const home = process.env.CHECKERS_HOME || path.join(os.homedir(), '.cache', 'inspectkit-checkers');
const req = createRequire(path.join(home, 'node', 'package.json'));

// As root, Debian's chromium needs --no-sandbox; the background-networking
// flags stop it from calling out at start-up (refused here, and slow).
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
const TAGS = (process.env.AXE_TAGS || 'wcag2a,wcag2aa,wcag21a,wcag21aa')
  .split(',').map((s) => s.trim()).filter(Boolean);

function shotPath(base, i, n) {
  if (n === 1) return base;
  const ext = path.extname(base);
  return base.slice(0, base.length - ext.length) + `-${i + 1}` + (ext || '.png');
}

async function checkPage(ctx, file, axeSource) {
  const page = await ctx.newPage();
  const blockedUrls = new Set(); const pageErrors = [];
  let blocked = 0;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (/^(file|data|blob|about):/i.test(u)) return route.continue();
    blocked++; blockedUrls.add(u);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (e) => pageErrors.push(String((e && e.message) || e)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30000 });
  await page.evaluate(axeSource);
  const res = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return {
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      })),
      incomplete: r.incomplete.length,
    };
  }, TAGS);
  return { page, res, blocked, blockedUrls, pageErrors };
}

async function main(files) {
  const { chromium } = req('playwright-core');
  const axeSource = fs.readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');
  const axeVersion = req('axe-core/package.json').version;
  const exe = process.env.CHROMIUM || '/usr/bin/chromium';
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'axe-chromium-'));
  let ctx;
  let total = 0; let nodesTotal = 0;
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: exe,
      headless: true,
      args: FLAGS,
      bypassCSP: true, // a report's CSP must not stop axe from being injected
      viewport: { width: 1280, height: 900 },
      timeout: 60000,
    });
    for (let i = 0; i < files.length; i++) {
      const file = path.resolve(files[i]);
      const { page, res, blocked, blockedUrls, pageErrors } = await checkPage(ctx, file, axeSource);
      const rel = path.relative(process.cwd(), file) || file;
      console.log(`${rel}: axe ${res.violations.length} violation(s)` +
        ` [incomplete/needs-review=${res.incomplete} blocked_requests=${blocked}` +
        ` page_errors=${pageErrors.length}]`);
      for (const v of res.violations) {
        console.log(`  ${v.id} impact=${v.impact} nodes=${v.nodes}  ${v.help}` +
          `  e.g. ${v.targets.join(' | ')}`);
        nodesTotal += v.nodes;
      }
      for (const u of [...blockedUrls].slice(0, 5)) console.log(`  blocked external request: ${u}`);
      for (const e of pageErrors.slice(0, 5)) console.log(`  page error: ${e}`);
      total += res.violations.length;
      if (process.env.SHOT) {
        const out = shotPath(process.env.SHOT, i, files.length);
        fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        await page.screenshot({ path: out, fullPage: true });
        console.log(`  screenshot: ${out}`);
      }
      await page.close();
    }
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`axe: violations=${total} nodes=${nodesTotal} files=${files.length}` +
    ` (axe-core ${axeVersion}, tags ${TAGS.join(',')})`);
}

const files = process.argv.slice(2);
if (!files.length) { console.error('usage: node _axe_check.cjs FILE...'); process.exit(2); }
main(files).then(() => process.exit(0), (e) => {
  console.error('axe: could not run:', (e && e.stack) || e);
  process.exit(2);
});
