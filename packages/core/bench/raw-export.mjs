// The same export written by hand (fetch, JSON.parse, JSON.stringify, a window of pages), as the
// memory baseline: what Node and its fetch cost before any client code.
const [baseUrl, tokenUrl, customer, tenant, concurrency = '4'] = process.argv.slice(2);
const CONCURRENCY = Number(concurrency);
const tok = await (
  await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: process.env.AVEPOINT_CLIENT_ID,
      client_secret: process.env.AVEPOINT_CLIENT_SECRET,
      scope: 'elements.um.user.read.all',
    }),
  })
).json();
const url = (p) => `${baseUrl}/partner/external/v3/um/customers/${customer}/tenants/${tenant}/users/batch?pageIndex=${p}&pageSize=100`;
const get = async (p) =>
  (
    await fetch(url(p), {
      method: 'POST',
      headers: { authorization: `Bearer ${tok.access_token}`, 'content-type': 'application/json' },
      body: '{}',
    })
  ).json();
const first = await get(1);
const pages = Math.ceil(first.metadata.totalCount / 100);
const write = (users) =>
  new Promise((r) => {
    const ok = process.stdout.write(users.map((u) => JSON.stringify(u)).join('\n') + '\n');
    if (ok) r();
    else process.stdout.once('drain', r);
  });
await write(first.data);
const window = [];
let next = 2;
while (next <= pages && window.length < CONCURRENCY) window.push(get(next++));
while (window.length) {
  const page = await window.shift();
  if (next <= pages) window.push(get(next++));
  await write(page.data);
}
