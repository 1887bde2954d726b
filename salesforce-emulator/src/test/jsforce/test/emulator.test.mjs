// jsforce 3.10.16 against the emulator jar over real HTTP: an outside client checking fidelity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import jsforce from 'jsforce';

const JAR = process.env.EMULATOR_JAR ?? new URL('../../../../target/salesforce-emulator.jar', import.meta.url).pathname;
const ACCOUNTS = 2100; // enough Account rows for REST paging past one 2000-record page
let emulator;
let ready;
let conn;

function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.EMULATOR_JAVA ?? 'java', ['-jar', JAR, '--port', '0', '--seed', '42', '--accounts', String(ACCOUNTS)],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('emulator did not print EMULATOR READY within 60 s')), 60_000);
    child.on('exit', (code) => reject(new Error(`emulator exited early with ${code}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('EMULATOR READY ')) {
        clearTimeout(timer);
        resolve({ child, info: JSON.parse(line.slice('EMULATOR READY '.length)) });
      }
    });
  });
}

async function control(path, body) {
  const response = await fetch(`${ready.baseUrl}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `control ${path}: ${response.status}`);
  return response.json();
}

function collect(recordStream) {
  return new Promise((resolve, reject) => {
    const records = [];
    recordStream.on('record', (r) => records.push(r));
    recordStream.on('end', () => resolve(records));
    recordStream.on('error', reject);
  });
}

before(async () => {
  const started = await startEmulator();
  emulator = started.child;
  emulator.removeAllListeners('exit');
  ready = started.info;
  conn = new jsforce.Connection({
    oauth2: { clientId: ready.clientId, clientSecret: ready.clientSecret, loginUrl: ready.baseUrl },
    instanceUrl: ready.baseUrl,
    refreshToken: ready.refreshToken,
    version: '59.0',
  });
  conn.bulk2.pollInterval = 100;
});

after(() => {
  emulator?.kill();
});

test('logs in with the refresh token and tracks Sforce-Limit-Info', async () => {
  const limits = await conn.limits();
  assert.ok(conn.accessToken.startsWith(ready.orgId.slice(0, 15) + '!'), 'access token looks like Salesforce\'s');
  assert.equal(limits.DailyApiRequests.Max, 15000);
  assert.ok(limits.DailyBulkV2QueryJobs.Max > 0);
  assert.equal(conn.limitInfo.apiUsage.limit, 15000);
  assert.ok(conn.limitInfo.apiUsage.used >= 1);
});

test('query with autoFetch pages through more than 2000 rows', async () => {
  const result = await conn.query('SELECT Id, Name FROM Account').autoFetch(true).maxFetch(100000);
  assert.ok(result.totalSize > 2000, `totalSize ${result.totalSize}`);
  assert.equal(result.records.length, result.totalSize);
  assert.equal(new Set(result.records.map((r) => r.Id)).size, result.totalSize);
  assert.equal(result.records[0].attributes.type, 'Account');
});

test('describeGlobal and describe', async () => {
  const global = await conn.describeGlobal();
  const names = global.sobjects.map((o) => o.name);
  for (const name of ['Account', 'Contact', 'Lead', 'Opportunity']) {
    assert.ok(names.includes(name), `${name} in describeGlobal`);
  }
  const contact = await conn.sobject('Contact').describe();
  assert.equal(contact.name, 'Contact');
  assert.ok(contact.fields.some((f) => f.name === 'Email'));
});

test('create, retrieve, update and delete a record', async () => {
  const created = await conn.sobject('Account').create({ Name: 'jsforce Widgets' });
  assert.equal(created.success, true);
  assert.match(created.id, /^001[A-Za-z0-9]{15}$/);
  const read = await conn.sobject('Account').retrieve(created.id);
  assert.equal(read.Name, 'jsforce Widgets');
  await conn.sobject('Account').update({ Id: created.id, Name: 'jsforce Gadgets' });
  assert.equal((await conn.sobject('Account').retrieve(created.id)).Name, 'jsforce Gadgets');
  const destroyed = await conn.sobject('Account').destroy(created.id);
  assert.equal(destroyed.success, true);
});

test('scanAll and queryAll see deleted rows that query hides', async () => {
  const { id } = await conn.sobject('Contact').create({ LastName: 'Deleted Later' });
  await conn.sobject('Contact').destroy(id);
  const soql = `SELECT Id, IsDeleted FROM Contact WHERE Id = '${id}'`;
  const live = await conn.query(soql);
  const scanned = await conn.query(soql).scanAll(true);
  const all = await conn.query(soql, { scanAll: true });
  assert.equal(live.totalSize, 0);
  assert.equal(scanned.totalSize, 1);
  assert.equal(scanned.records[0].IsDeleted, true);
  assert.equal(all.totalSize, 1);
});

test('updated and deleted agree with SOQL over the same window', async () => {
  // Salesforce covers whole minutes up to now, so the check uses the generated history, not fresh writes.
  const start = new Date(Date.now() - 10 * 24 * 3600 * 1000);
  const end = new Date(Date.now() + 60 * 1000);
  const updated = await conn.sobject('Account').updated(start, end);
  const deleted = await conn.sobject('Account').deleted(start, end);
  assert.ok(Array.isArray(updated.ids));
  assert.match(updated.latestDateCovered, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000\+0000$/);
  assert.ok(Array.isArray(deleted.deletedRecords));
  assert.ok('earliestDateAvailable' in deleted);
  const from = start.toISOString().slice(0, 16) + ':00Z';
  const to = updated.latestDateCovered.replace('.000+0000', 'Z');
  const soql = `SELECT Id FROM Account WHERE SystemModstamp >= ${from} AND SystemModstamp < ${to}`;
  const viaSoql = await conn.query(soql).autoFetch(true).maxFetch(100000);
  assert.deepEqual(new Set(updated.ids), new Set(viaSoql.records.map((r) => r.Id)));
});

test('composite runs referenced subrequests in one call', async () => {
  const before = conn.limitInfo.apiUsage.used;
  const response = await conn.requestPost('/services/data/v59.0/composite', {
    allOrNone: false,
    compositeRequest: [
      { method: 'POST', url: '/services/data/v59.0/sobjects/Account', referenceId: 'acct', body: { Name: 'Composite via jsforce' } },
      { method: 'GET', url: '/services/data/v59.0/sobjects/Account/@{acct.id}', referenceId: 'read' },
    ],
  });
  assert.equal(response.compositeResponse.length, 2);
  assert.equal(response.compositeResponse[0].httpStatusCode, 201);
  assert.equal(response.compositeResponse[1].body.Name, 'Composite via jsforce');
  assert.equal(conn.limitInfo.apiUsage.used, before + 1);
});

test('bulk2 query returns the same rows as REST', async () => {
  const rest = await conn.query('SELECT Id FROM Account').autoFetch(true).maxFetch(100000);
  const records = await collect(await conn.bulk2.query('SELECT Id, Name FROM Account'));
  assert.equal(records.length, rest.totalSize);
  assert.deepEqual(new Set(records.map((r) => r.Id)), new Set(rest.records.map((r) => r.Id)));
  const withDeleted = await collect(await conn.bulk2.query('SELECT Id FROM Account', { scanAll: true }));
  assert.ok(withDeleted.length > records.length, 'queryAll job includes the deleted account');
});

test('bulk2 ingest inserts, updates and deletes, reporting each record', async () => {
  const inserted = await conn.bulk2.loadAndWaitForResults({
    object: 'Contact',
    operation: 'insert',
    input: [
      { LastName: 'Bulk, One', FirstName: 'Ada', Title: 'CTO' },
      { LastName: null, FirstName: 'Nameless', Title: 'Ghost' },
      { LastName: 'Bulk Two', FirstName: 'Grace', Title: 'Admiral' },
    ],
  });
  assert.equal(inserted.successfulResults.length, 2);
  assert.deepEqual(inserted.successfulResults.map((r) => [r.sf__Created, r.LastName]), [['true', 'Bulk, One'], ['true', 'Bulk Two']]);
  assert.equal(inserted.failedResults.length, 1);
  assert.equal(inserted.failedResults[0].sf__Error, 'REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --');
  assert.equal(inserted.failedResults[0].FirstName, 'Nameless');
  assert.equal(inserted.unprocessedRecords.length, 0);
  const [one, two] = inserted.successfulResults.map((r) => r.sf__Id);
  assert.equal((await conn.sobject('Contact').retrieve(one)).LastName, 'Bulk, One');

  const updated = await conn.bulk2.loadAndWaitForResults({
    object: 'Contact',
    operation: 'update',
    input: [{ Id: one, Title: null, FirstName: 'Augusta' }],
  });
  assert.deepEqual(updated.successfulResults.map((r) => [r.sf__Id, r.sf__Created]), [[one, 'false']]);
  const afterUpdate = await conn.sobject('Contact').retrieve(one);
  assert.equal(afterUpdate.Title, null, 'jsforce sends null as #N/A, which clears the field');
  assert.equal(afterUpdate.FirstName, 'Augusta');

  const deleted = await conn.bulk2.loadAndWaitForResults({
    object: 'Contact',
    operation: 'delete',
    input: [{ Id: one }, { Id: two }],
  });
  assert.deepEqual(deleted.successfulResults.map((r) => r.sf__Id).sort(), [one, two].sort());
  assert.equal(deleted.failedResults.length, 0);
  await assert.rejects(conn.sobject('Contact').retrieve(two), (err) => err.errorCode === 'ENTITY_IS_DELETED');
});

test('an expired session is refreshed transparently', async () => {
  const oldToken = conn.accessToken;
  await control('expire-sessions');
  const result = await conn.query('SELECT Id FROM Account LIMIT 1');
  assert.equal(result.records.length, 1);
  assert.notEqual(conn.accessToken, oldToken);
});

test('identity URL answers for the signed-in user', async () => {
  const identity = await conn.identity();
  assert.equal(identity.organization_id, ready.orgId);
  assert.match(identity.user_id, /^005[A-Za-z0-9]{15}$/);
  assert.equal(identity.username, ready.username);
});

test('web-server flow with PKCE through the login and approval pages', async () => {
  const redirectUri = 'http://localhost:1717/callback';
  const oauth2 = new jsforce.OAuth2({
    clientId: ready.clientId, clientSecret: ready.clientSecret, loginUrl: ready.baseUrl, redirectUri, useVerifier: true,
  });
  const loginPage = await fetch(oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state: 'st-1' }));
  assert.equal(loginPage.status, 200);
  const pendingOf = (html) => html.match(/name="pending" value="([^"]+)"/)[1];
  const form = (fields) => ({
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const approval = await fetch(`${ready.baseUrl}/services/oauth2/authorize`,
    form({ pending: pendingOf(await loginPage.text()), step: 'login', username: ready.username, pw: ready.password }));
  const allowed = await fetch(`${ready.baseUrl}/services/oauth2/authorize`,
    form({ pending: pendingOf(await approval.text()), step: 'approve', decision: 'Allow' }));
  assert.equal(allowed.status, 302);
  const location = new URL(allowed.headers.get('location'));
  assert.equal(location.origin + location.pathname, redirectUri);
  assert.equal(location.searchParams.get('state'), 'st-1');

  const webConn = new jsforce.Connection({ oauth2, version: '59.0' });
  const userInfo = await webConn.authorize(location.searchParams.get('code'));
  assert.equal(userInfo.organizationId, ready.orgId);
  assert.ok(webConn.refreshToken, 'refresh_token scope yields a refresh token');
  assert.equal((await webConn.query('SELECT Id FROM Account LIMIT 1')).records.length, 1);
});

test('the restricted user signs in by password and sees fewer fields', async () => {
  const users = await (await fetch(`${ready.baseUrl}/__emulator/users`)).json();
  const restricted = users.find((u) => u.restricted);
  const restrictedConn = new jsforce.Connection({
    oauth2: { clientId: ready.clientId, clientSecret: ready.clientSecret, loginUrl: ready.baseUrl }, version: '59.0',
  });
  await restrictedConn.login(restricted.username, ready.password);
  const fields = (await restrictedConn.sobject('Account').describe()).fields.map((f) => f.name);
  assert.ok(fields.includes('Name'));
  assert.ok(!fields.includes('AnnualRevenue'));
  await assert.rejects(restrictedConn.query('SELECT AnnualRevenue FROM Account LIMIT 1'), (err) => err.errorCode === 'INVALID_FIELD');
});

test('the control API counted what jsforce did', async () => {
  const response = await fetch(`${ready.baseUrl}/__emulator/stats`);
  const stats = await response.json();
  assert.ok(stats.calls.query > 0);
  assert.ok(stats.calls['jobs/query'] > 0);
  assert.ok(stats.calls['jobs/ingest'] > 0);
  assert.ok(stats.calls['oauth2/token'] >= 2);
  assert.ok(stats.records.Account.live > 2000);
});
