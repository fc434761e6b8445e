/**
 * Draws the social card (website/static/img/social-card.png, 1200×630) with Debian's Chromium.
 * Rerun after changing the book's title or tagline: tsx scripts/site/social-card.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCli, type CliSpec } from '../lib/cli';
import { launchChromium } from './lib/browser';

const OUT = path.resolve(__dirname, '../../website/static/img/social-card.png');

const spec: CliSpec = {
  command: 'tsx scripts/site/social-card.ts',
  summary: 'Draws the 1200×630 social card of the book into website/static/img/social-card.png.',
  options: { out: { type: 'string', value: '<file>', description: 'write the PNG here instead' } },
};

function html(): string {
  const star = fs.readFileSync(path.resolve(__dirname, '../../website/static/img/logo.svg'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { background: linear-gradient(135deg, #0b6e6e 0%, #063f3f 100%); color: #fff;
    font-family: 'DejaVu Sans', system-ui, sans-serif; display: flex; flex-direction: column;
    justify-content: center; padding: 0 90px; box-sizing: border-box; }
  .logo { width: 120px; height: 120px; margin-bottom: 36px; }
  .logo svg { width: 100%; height: 100%; }
  h1 { font-size: 92px; margin: 0 0 24px; letter-spacing: -1px; }
  p { font-size: 38px; line-height: 1.3; margin: 0; max-width: 960px; color: #d9f2f0; }
  .stack { margin-top: 40px; font-size: 26px; color: #ffd166; letter-spacing: 1px; }
  </style></head><body>
  <div class="logo">${star}</div>
  <h1>Rate the Ride</h1>
  <p>Build a production-ready serverless API on AWS, step by step, in TypeScript.</p>
  <div class="stack">Lambda · API Gateway · DynamoDB · Serverless Framework</div>
  </body></html>`;
}

async function main(): Promise<void> {
  const values = parseCli(spec);
  const out = typeof values.out === 'string' ? path.resolve(values.out) : OUT;
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1200, height: 630 } });
    await page.setContent(html());
    await page.screenshot({ path: out, type: 'png' });
  } finally {
    await chromium.close();
  }
  console.log(`social card: ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
