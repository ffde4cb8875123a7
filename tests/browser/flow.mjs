// The story in a real browser: headless Chromium drives the pages of a running `codefellow serve` from the
// first-run setup link to the learner's progress charts, through the workstation, the feedback, another learner's
// 404 and the instructor's override. A full-page screenshot is saved after each step.
//
//   BASE_URL=http://127.0.0.1:8080 SETUP_URL=http://127.0.0.1:8080/setup?token=... \
//   SCREENSHOTS=target/browser CODEFELLOW_CHROMIUM=/usr/bin/chromium node tests/browser/flow.mjs
//
// Run by the Rust test `browser` (crates/codefellow/tests/browser.rs), which starts the server on a fresh data
// directory. Exit 0 when every step held; 1 with the step's name, the page's address, title, heading and any alert
// on the page, and a screenshot NN-step-FAILED.png, when one did not.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, screenshotDir } from './chromium.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/$/, '');
const SETUP_URL = process.env.SETUP_URL || '';
const OUT = screenshotDir();
// A laptop screen.
const VIEWPORT = { width: 1366, height: 768 };
// Each wait for the page; the whole run is bounded by the Rust test's timeout.
const WAIT_MS = 15_000;

const ADMIN = { username: 'ada', name: 'Ada Admin', password: 'admin password 1' };
const TEACHER = { username: 'tess', name: 'Tess Teacher', password: 'teacher password 1' };
const LEARNER1 = { username: 'lena', name: 'Lena Learner', password: 'learner password 1' };
const LEARNER2 = { username: 'liam', name: 'Liam Learner', password: 'learner password 2' };
const COHORT = 'Fall 2026';
const CASE = 'IP-0001';
const QUOTE = 'Community-acquired pneumonia of the right lower lobe';
const RATIONALE = 'Pneumonia of the right lower lobe is the reason for admission (H&P assessment, CXR).';
const OVERRIDE_REASON = 'Accepted for this exercise: the browser test overrides this finding.';

let page;
let shotNo = 0;
const started = Date.now();
const pageErrors = [];
const consoleErrors = [];

/** Thrown when a step's check does not hold (an assertion of this script, not a Playwright time-out). */
class Failed extends Error {}

function expect(cond, message) {
  if (!cond) throw new Failed(message);
}

// A full-page screenshot is cut at this height (the case list of 600 cases is 20,000 pixels tall; the feedback page about 5,000).
const MAX_SHOT_HEIGHT = 6000;

async function screenshot(name) {
  shotNo += 1;
  const file = join(OUT, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  // From the top, so that sticky panes are drawn where a person first sees them.
  const height = await page.evaluate(() => {
    window.scrollTo(0, 0);
    return document.documentElement.scrollHeight;
  });
  const clip = height > MAX_SHOT_HEIGHT ? { x: 0, y: 0, width: VIEWPORT.width, height: MAX_SHOT_HEIGHT } : undefined;
  await page.screenshot({ path: file, fullPage: true, clip });
  return file;
}

/** A screenshot of one part of the page, numbered with the steps' (readable where the full page is long). */
async function screenshotOf(locator, name) {
  shotNo += 1;
  const file = join(OUT, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}

/** What the page says when a step fails: address, title, heading, alerts. */
async function describePage() {
  const lines = [`  page: ${page.url()}`];
  try {
    lines.push(`  title: ${JSON.stringify(await page.title())}`);
    const h1 = await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => null);
    if (h1) lines.push(`  heading: ${JSON.stringify(h1.trim())}`);
    for (const a of await page.locator('[role=alert], .error').allTextContents()) {
      if (a.trim()) lines.push(`  on the page: ${JSON.stringify(a.trim())}`);
    }
  } catch (e) {
    lines.push(`  (could not read the page: ${e.message})`);
  }
  return lines.join('\n');
}

/** One step of the story: runs it, then saves a screenshot named after it; on failure says where and exits 1. */
async function step(name, what, fn) {
  const t0 = Date.now();
  try {
    await fn();
    if (pageErrors.length) throw new Failed(`a script on the page failed: ${pageErrors.join('; ')}`);
    const file = await screenshot(name);
    console.log(`ok   ${name}: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s) ${file}`);
  } catch (e) {
    let file = '';
    try {
      file = await screenshot(`${name}-FAILED`);
    } catch (_) {}
    e.reported = true;
    console.error(`FAIL ${name}: ${what}`);
    console.error(`  ${e instanceof Failed ? e.message : e.stack || e}`);
    console.error(await describePage());
    if (consoleErrors.length) console.error(`  browser console errors:\n    ${consoleErrors.join('\n    ')}`);
    if (file) console.error(`  screenshot: ${file}`);
    throw e;
  }
}

const heading = () => page.getByRole('heading', { level: 1 });

async function expectHeading(text) {
  await heading().filter({ hasText: text }).waitFor({ timeout: WAIT_MS }).catch(async () => {
    throw new Failed(`expected the heading ${JSON.stringify(text)}, the page shows ${JSON.stringify(await heading().first().textContent().catch(() => null))}`);
  });
}

/** Signs in with the keyboard: the username, Tab to the password, Enter to send. */
async function signIn(who) {
  await page.goto(`${BASE_URL}/login`);
  await expectHeading('Sign in');
  const username = page.getByLabel('Username');
  await username.fill(who.username);
  await expectFocused(username, 'the username field has the focus (autofocus)');
  await page.keyboard.press('Tab');
  await expectFocused(page.getByLabel('Password'), 'Tab moves from the username to the password');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: WAIT_MS }).catch(() => {
    throw new Failed(`signing in as ${who.username} did not leave the sign-in page`);
  });
  const who_text = await page.locator('.who').textContent();
  expect(who_text.includes(who.name), `the header names ${who.name}: ${JSON.stringify(who_text)}`);
}

async function expectFocused(locator, what) {
  const focused = await locator.evaluate((el) => el === document.activeElement);
  expect(focused, what);
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/, { timeout: WAIT_MS });
}

/** The row (li.row) of the coding form whose code field is labelled e.g. "Diagnosis 1". */
const row = (label) => page.locator('li.row').filter({ has: page.getByLabel(label, { exact: true }) });

async function addPerson(who, role) {
  await page.getByRole('link', { name: 'People' }).click();
  await expectHeading('People');
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Name', { exact: true }).fill(who.name);
  await page.getByLabel('Role').selectOption(role);
  await page.getByLabel(/^First password/).fill(who.password);
  await page.getByLabel('Cohort (optional)').selectOption({ label: COHORT });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expectHeading('People');
  const person = page.getByRole('row').filter({ hasText: who.username });
  await person.waitFor({ timeout: WAIT_MS }).catch(() => {
    throw new Failed(`${who.username} is not in the list of people after "Add"`);
  });
}

async function main() {
  expect(BASE_URL, 'BASE_URL is not set (the address of a running `codefellow serve`)');
  expect(SETUP_URL, 'SETUP_URL is not set (the one-time setup link the server printed)');
  mkdirSync(OUT, { recursive: true });
  const browser = await launch();
  let submissionUrl = '';
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });

    // a. The first-run setup link creates the administrator, who lands on People signed in.
    await step('setup', 'the one-time setup link creates the administrator', async () => {
      await page.goto(SETUP_URL);
      await expectHeading('Welcome to Codefellow');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Your name').fill(ADMIN.name);
      await page.getByLabel(/^Password \(at least/).fill(ADMIN.password);
      await page.getByLabel('Password again').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create the administrator' }).click();
      await expectHeading('People');
      const who = await page.locator('.who').textContent();
      expect(who.includes('administrator'), `the administrator is signed in (the session cookie was kept): ${JSON.stringify(who)}`);
    });

    // b. A cohort, then an instructor and two learners in it.
    await step('cohort', `the administrator creates the cohort ${COHORT}`, async () => {
      await page.getByRole('link', { name: 'Cohorts' }).click();
      await expectHeading('Cohorts');
      await page.getByLabel('Name').fill(COHORT);
      await page.getByLabel('Pacing').selectOption('self_paced');
      await page.getByRole('button', { name: 'Create the cohort' }).click();
      await expectHeading(COHORT);
    });
    await step('people', 'an instructor and two learners in the cohort', async () => {
      await addPerson(TEACHER, 'instructor');
      await addPerson(LEARNER1, 'learner');
      await addPerson(LEARNER2, 'learner');
      await page.getByRole('link', { name: 'Cohorts' }).click();
      await page.getByRole('link', { name: COHORT }).click();
      await expectHeading(COHORT);
      const text = await page.locator('main').textContent();
      expect(text.includes(TEACHER.name), `the cohort page names its instructor ${TEACHER.name}`);
      for (const l of [LEARNER1, LEARNER2]) {
        await page.getByRole('link', { name: l.name }).waitFor().catch(() => {
          throw new Failed(`the cohort dashboard lists ${l.name}`);
        });
      }
    });

    // c. The learner signs in and opens the case from the list.
    await step('case-list', `learner 1 signs in (keyboard: Tab, Enter) and sees the case list`, async () => {
      await signOut();
      await signIn(LEARNER1);
      await expectHeading('Cases');
    });
    await step('workstation', `learner 1 opens ${CASE} from the case list`, async () => {
      await page.getByRole('link', { name: CASE, exact: true }).click();
      await page.waitForURL(new RegExp(`/cases/${CASE}$`));
      await expectHeading(CASE);
      await page.getByRole('tablist', { name: 'Documents' }).waitFor();
      expect(await page.getByRole('tab').count() >= 2, 'the record has several documents in tabs');
    });

    // d. The workstation: tabs, code book, coding form, evidence, live checks, autosave, submit.
    await step('tabs', 'the document tabs switch by click and by arrow keys', async () => {
      const tabs = page.getByRole('tab');
      const names = (await tabs.allTextContents()).map((t) => t.trim());
      const selected = async () => (await page.getByRole('tab', { selected: true }).textContent()).trim();
      const visiblePanel = async () => (await page.getByRole('tabpanel').filter({ visible: true }).getAttribute('aria-labelledby'));
      expect((await selected()) === names[0], `the first document is shown first (${names[0]})`);
      await tabs.nth(1).click();
      expect((await selected()) === names[1], `a click selects ${names[1]}`);
      expect((await visiblePanel()) === (await tabs.nth(1).getAttribute('id')), 'and shows its document alone');
      await page.keyboard.press('ArrowRight');
      const third = names[2 % names.length];
      expect((await selected()) === third, `ArrowRight moves to ${third}`);
      await expectFocused(page.getByRole('tab', { selected: true }), 'the selected tab has the focus');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect((await selected()) === names[0], `ArrowLeft twice goes back to ${names[0]}`);
      expect(await page.getByRole('tabpanel').filter({ visible: true }).textContent().then((t) => t.includes(QUOTE)), `the first document (${names[0]}) holds "${QUOTE}"`);
    });

    await step('code-book', 'search as you type in the code book, "Use" puts J18.9 in diagnosis 1', async () => {
      await page.getByLabel('Diagnosis 1', { exact: true }).focus(); // the row "Use" fills
      const search = page.getByRole('searchbox', { name: /^Search ICD-10-CM/ });
      await search.pressSequentially('pneumonia unspecified', { delay: 30 });
      const results = page.locator('#cb-results');
      const hit = results.getByRole('listitem').filter({ hasText: 'J18.9' });
      await hit.waitFor().catch(async () => {
        throw new Failed(`no J18.9 among the results as typed: ${JSON.stringify((await results.textContent()).slice(0, 300))}`);
      });
      await hit.getByRole('button', { name: 'Use J18.9' }).click();
      const dx1 = page.getByLabel('Diagnosis 1', { exact: true });
      expect((await dx1.inputValue()) === 'J18.9', `diagnosis 1 holds J18.9, not ${JSON.stringify(await dx1.inputValue())}`);
      await row('Diagnosis 1').getByRole('status').filter({ hasText: '✓' }).waitFor().catch(async () => {
        throw new Failed(`no live check mark ✓ next to J18.9: ${JSON.stringify(await row('Diagnosis 1').getByRole('status').textContent())}`);
      });
    });

    await step('coding', 'diagnosis 2 typed, POA set, an invalid code marked ✗ then removed', async () => {
      await page.getByLabel('Diagnosis 2', { exact: true }).pressSequentially('E66.9', { delay: 30 });
      await row('Diagnosis 1').getByLabel('POA').selectOption('Y');
      await row('Diagnosis 2').getByLabel('POA').selectOption('Y');
      await row('Diagnosis 2').getByRole('status').filter({ hasText: '✓' }).waitFor();
      // A header code is not reportable: the live check says so next to it.
      await page.getByLabel('Diagnosis 3', { exact: true }).pressSequentially('J18', { delay: 30 });
      const bad = row('Diagnosis 3').getByRole('status').filter({ hasText: '✗' });
      await bad.waitFor().catch(async () => {
        throw new Failed(`no ✗ next to the header code J18: ${JSON.stringify(await row('Diagnosis 3').getByRole('status').textContent())}`);
      });
      await screenshot('live-check-invalid');
      await row('Diagnosis 3').getByRole('button', { name: 'Remove' }).click();
      expect((await page.getByLabel('Diagnosis 3', { exact: true }).inputValue()) === '', 'the removed row is gone (diagnosis 3 is empty)');
    });

    await step('reorder', 'the ↓ and ↑ buttons reorder the diagnoses and the rows renumber', async () => {
      await row('Diagnosis 1').getByRole('button', { name: /^Move row \d+ down$/ }).click();
      const dx1 = page.getByLabel('Diagnosis 1', { exact: true });
      const dx2 = page.getByLabel('Diagnosis 2', { exact: true });
      expect((await dx1.inputValue()) === 'E66.9' && (await dx2.inputValue()) === 'J18.9', `after ↓, diagnosis 1 is E66.9 and 2 is J18.9 (${await dx1.inputValue()}, ${await dx2.inputValue()})`);
      expect((await dx2.getAttribute('name')) === 'dx.1.code', `the moved field is renamed dx.1.code (${await dx2.getAttribute('name')})`);
      expect((await row('Diagnosis 2').getByLabel('POA').getAttribute('name')) === 'dx.1.poa', 'its POA moved with it');
      await screenshot('reorder-moved-down');
      // Back up with the keyboard: Enter on the ↑ button of the row that moved.
      const up = row('Diagnosis 2').getByRole('button', { name: /^Move row \d+ up$/ });
      await up.focus();
      await page.keyboard.press('Enter');
      expect((await dx1.inputValue()) === 'J18.9' && (await dx2.inputValue()) === 'E66.9', `after ↑ (Enter), J18.9 is principal again (${await dx1.inputValue()}, ${await dx2.inputValue()})`);
      expect((await dx1.getAttribute('name')) === 'dx.0.code', 'and named dx.0.code');
    });

    await step('evidence', 'words selected in the H&P become evidence for diagnosis 1, with a rationale', async () => {
      await page.getByLabel('Diagnosis 1', { exact: true }).focus(); // the row the evidence is for
      const doc = page.getByRole('tabpanel').filter({ visible: true });
      const selected = await doc.locator('pre.text').evaluate((pre, quote) => {
        const text = pre.firstChild;
        const at = text.data.indexOf(quote);
        if (at < 0) return '';
        const r = document.createRange();
        r.setStart(text, at);
        r.setEnd(text, at + quote.length);
        const s = document.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        return s.toString();
      }, QUOTE);
      expect(selected === QUOTE, `the words "${QUOTE}" are selected in the document (got ${JSON.stringify(selected)})`);
      const use = page.getByRole('button', { name: 'Use as evidence' });
      await use.click(); // waits for it to be enabled by the selection
      const list = row('Diagnosis 1').getByRole('list', { name: 'Evidence' });
      await list.getByRole('listitem').filter({ hasText: QUOTE }).waitFor().catch(async () => {
        throw new Failed(`the evidence list of diagnosis 1 does not show the quote: ${JSON.stringify(await list.textContent())}`);
      });
      await row('Diagnosis 1').getByLabel(/^Why this code/).fill(RATIONALE);
    });

    await step('autosave', 'the draft is saved as the learner types, and a reload keeps it', async () => {
      // The save that carries the last change typed (the rule cited), not an earlier one still on its way.
      const lastSave = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/draft') && (r.request().postData() || '').includes('OCG+I.C.10'));
      await row('Diagnosis 1').getByLabel(/^Rule cited/).fill('OCG I.C.10; OCG II');
      const res = await lastSave;
      expect(res.ok(), `the draft was saved (${res.status()})`);
      const saved = page.locator('#saved');
      await saved.filter({ hasText: 'Draft saved' }).waitFor().catch(async () => {
        throw new Failed(`no "Draft saved": ${JSON.stringify(await saved.textContent())}`);
      });
      await page.reload();
      await expectHeading(CASE);
      const values = [await page.getByLabel('Diagnosis 1', { exact: true }).inputValue(), await page.getByLabel('Diagnosis 2', { exact: true }).inputValue()];
      expect(values[0] === 'J18.9' && values[1] === 'E66.9', `after a reload the codes are still there (${values.join(', ')})`);
      expect((await row('Diagnosis 1').getByLabel('POA').inputValue()) === 'Y', 'and the POA');
      expect((await row('Diagnosis 1').getByLabel(/^Why this code/).inputValue()) === RATIONALE, 'and the rationale');
      await row('Diagnosis 1').getByRole('list', { name: 'Evidence' }).getByRole('listitem').filter({ hasText: QUOTE }).waitFor();
      await row('Diagnosis 1').getByRole('status').filter({ hasText: '✓' }).waitFor().catch(() => {
        throw new Failed('the live checks do not run on the restored draft (no ✓ next to J18.9)');
      });
      const procedures = await page.getByRole('group', { name: 'Procedures (ICD-10-PCS)' }).locator('li.row').count();
      expect(procedures === 3, `the blank rows of the draft are not added again on reload (${procedures} procedure rows, not 3)`);
      const status = await saved.textContent();
      expect(status.includes('Draft restored'), `the page says the draft was restored: ${JSON.stringify(status)}`);
    });

    await step('submit', 'submit for audit', async () => {
      await page.getByRole('button', { name: 'Submit for audit' }).click();
      await page.waitForURL(/\/submissions\/\d+$/).catch(() => {
        throw new Failed('submitting did not lead to the feedback page');
      });
      submissionUrl = page.url();
    });

    // e. The feedback: per-code results, the gold coding, the record with the evidence marked.
    await step('feedback', 'per-code results, the gold coding with its rationale, the record with the evidence marked', async () => {
      await expectHeading(`Audit of ${CASE}`);
      const findings = page.locator('table.findings tbody tr');
      expect((await findings.count()) >= 2, 'the table has a row per code');
      const yours = await page.locator('table.findings tbody').textContent();
      expect(yours.includes('J18.9') && yours.includes('E66.9'), 'the table names the codes coded');
      await page.getByRole('heading', { name: 'The gold coding and its rationale' }).waitFor();
      expect((await page.locator('ol.gold li').count()) >= 1, 'the gold diagnoses are listed');
      const record = page.locator('section[aria-labelledby=record]');
      const marks = record.locator('mark.yours, mark.both');
      expect((await marks.count()) >= 1, 'the learner\'s evidence is marked in the record');
      expect((await marks.allTextContents()).some((t) => t.includes('pneumonia')), 'the mark is the quote picked');
      expect((await record.locator('mark.gold, mark.both').count()) >= 1, 'the gold evidence is marked too');
    });

    // f. Another learner opens learner 1's submission: not found.
    await step('other-learner-404', 'learner 2 opens learner 1\'s submission address and gets 404', async () => {
      await signOut();
      await signIn(LEARNER2);
      const res = await page.goto(submissionUrl);
      expect(res.status() === 404, `the answer is 404, not ${res.status()}`);
      const title = await page.title();
      expect(title.startsWith('Not found'), `the page is titled "Not found" (${JSON.stringify(title)})`);
      const body = await page.locator('main').textContent();
      expect(!body.includes(QUOTE) && !body.includes('gold coding'), 'nothing of the submission shows');
    });

    // g. The instructor reviews the submission and overrides a finding; the trail keeps it.
    await step('review-queue', 'the instructor\'s review queue lists the submission', async () => {
      await signOut();
      await signIn(TEACHER);
      await expectHeading('Review queue');
      const id = submissionUrl.split('/').pop();
      const entry = page.getByRole('row').filter({ hasText: LEARNER1.username }).getByRole('link', { name: `#${id}` });
      await entry.waitFor().catch(() => {
        throw new Failed(`the queue does not list submission #${id} of ${LEARNER1.username}`);
      });
    });
    await step('override', 'the instructor overrides a finding with a reason; the audit trail shows it', async () => {
      const id = submissionUrl.split('/').pop();
      await page.getByRole('link', { name: `#${id}` }).click();
      await expectHeading(`Audit of ${CASE}`);
      const wrong = page.locator('table.findings tbody tr.error').first();
      expect((await wrong.count()) === 1, 'there is a finding to override');
      const number = (await wrong.locator('td').first().textContent()).trim();
      // Open the form with the keyboard: focus its summary, Enter.
      await wrong.getByText('Override or note').focus();
      await page.keyboard.press('Enter');
      await wrong.getByLabel('Category').selectOption('correct');
      await wrong.getByLabel(/^Reason/).fill(OVERRIDE_REASON);
      await wrong.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(new RegExp(`/submissions/${id}$`));
      const trail = page.locator('section[aria-labelledby=trail]');
      await trail.getByRole('heading', { name: 'Audit trail' }).waitFor().catch(() => {
        throw new Failed('no "Audit trail" section after the override');
      });
      const entry = trail.getByRole('row').filter({ hasText: OVERRIDE_REASON });
      expect((await entry.count()) === 1, 'the trail has the override with its reason');
      const cells = (await entry.getByRole('cell').allTextContents()).map((c) => c.trim());
      expect(cells.includes(TEACHER.username) && cells.includes(number), `the trail names ${TEACHER.username} and finding ${number}: ${cells.join(' | ')}`);
      await screenshotOf(trail, 'override-audit-trail');
    });

    // h. Learner 1's progress charts.
    await step('progress', 'learner 1\'s progress page shows the charts', async () => {
      await signOut();
      await signIn(LEARNER1);
      await page.getByRole('link', { name: 'My progress' }).click();
      await expectHeading('My progress');
      const charts = page.locator('.charts svg');
      expect((await charts.count()) >= 4, `four SVG charts (${await charts.count()})`);
      const records = await page.locator('ul.headline').textContent();
      expect(records.includes('Records coded: 1'), `one record coded: ${JSON.stringify(records)}`);
    });
  } finally {
    await browser.close();
  }
  console.log(`browser flow: every step held in ${((Date.now() - started) / 1000).toFixed(1)} s; ${shotNo} screenshots in ${OUT}`);
}

main().catch((e) => {
  if (!(e && e.reported)) console.error(`browser flow FAILED: ${e instanceof Failed ? e.message : e && e.stack ? e.stack : e}`);
  process.exit(1);
});
