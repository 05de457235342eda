// Drives the demo's n8n editor in headless Chromium (Debian's, through playwright-core): logs in,
// runs the demo workflow, opens the AvePoint Graph node's output and saves screenshots for the README.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { DEMO_WORKFLOW_ID, OWNER, startDemo } from './lib/demo-env.mjs';
import { TESTS_ROOT } from './lib/n8n-harness.mjs';

const out = join(TESTS_ROOT, 'docs');
mkdirSync(out, { recursive: true });
const step = (text) => console.log(`[screenshot] ${text}`);

const demo = await startDemo({ log: step });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
	],
});
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(60_000);
	step('signing in');
	await page.goto(`${demo.url}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(OWNER.email);
	await page.locator('input[type="password"]').first().fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.includes('signin'));

	step('opening the demo workflow');
	await page.goto(`${demo.url}/workflow/${DEMO_WORKFLOW_ID}`);
	await page.getByText('AvePoint Graph', { exact: true }).first().waitFor();
	await page.keyboard.press('Escape');

	step('running it');
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	// The run is over when the canvas shows the node's item count on its output.
	await page
		.getByText(/^\d+ items?$/)
		.last()
		.waitFor();
	await page.waitForTimeout(1_500);
	await page.screenshot({ path: join(out, 'n8n-canvas.png') });

	step("opening the node's output");
	await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'AvePoint Graph' }).first().dblclick({ force: true });
	await page.waitForTimeout(2_000);
	await page.screenshot({ path: join(out, 'n8n-editor.png') });
	step(`saved ${join(out, 'n8n-canvas.png')} and ${join(out, 'n8n-editor.png')}`);
} finally {
	await browser.close();
	await demo.close();
}
