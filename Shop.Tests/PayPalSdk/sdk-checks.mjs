// Drives the shop's built-in PayPal sandbox with PayPal's official Node SDK (@paypal/paypal-server-sdk).
// Run by Shop.Tests/PayModes/PayPal/PayPalSdkTests.cs against the shop on 127.0.0.1:
//   SHOP_BASE=http://127.0.0.1:5123 PAYPAL_CLIENT_ID=... PAYPAL_CLIENT_SECRET=... node sdk-checks.mjs
// Prints one JSON line per check ({"check", "ok", "detail"}) and exits 1 when any check failed.
import {
  Client, CustomError, Environment, OrdersController, PaymentsController,
} from '@paypal/paypal-server-sdk';

const shopBase = required('SHOP_BASE').replace(/\/$/, '');
const sandboxBase = `${shopBase}/sandbox/paypal`;
const paypalBase = 'https://api-m.sandbox.paypal.com';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

// The SDK knows two base URLs (Environment.Sandbox and Production) and no custom one. Its public hook for the
// HTTP layer is `unstable_httpClientOptions` (axios options): axios's fetch adapter with our own fetch, which
// sends what the SDK meant for PayPal's sandbox to the shop's built-in sandbox instead. Nothing else changes.
async function toBuiltInSandbox(input, init) {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== paypalBase)
    throw new Error(`the SDK called ${url.origin}, not PayPal's sandbox`);
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
  return fetch(sandboxBase + url.pathname + url.search, {
    method: request.method, headers: request.headers, body, redirect: 'manual',
  });
}

const client = new Client({
  clientCredentialsAuthCredentials: {
    oAuthClientId: required('PAYPAL_CLIENT_ID'),
    oAuthClientSecret: required('PAYPAL_CLIENT_SECRET'),
  },
  timeout: 15000,
  environment: Environment.Sandbox,
  httpClientOptions: { retryConfig: { maxNumberOfRetries: 0 } },
  unstable_httpClientOptions: { adapter: 'fetch', env: { fetch: toBuiltInSandbox } },
});
const orders = new OrdersController(client);
const payments = new PaymentsController(client);

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push({ check: name, ok: true });
  } catch (error) {
    results.push({ check: name, ok: false, detail: describe(error) });
  }
}

function describe(error) {
  if (error instanceof CustomError || error?.statusCode)
    return `${error.constructor.name} ${error.statusCode}: ${error.body}`;
  return String(error?.stack ?? error);
}

function assert(condition, message) {
  if (!condition)
    throw new Error(message);
}

function equal(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function rels(resource) {
  return (resource.links ?? []).map((link) => link.rel).sort().join(',');
}

const shopReturn = `${shopBase}/paymodes/paypal/return`;
const shopCancel = `${shopBase}/paymodes/paypal/cancel`;
const minimal = () => ({ intent: 'CAPTURE', purchaseUnits: [{ amount: { currencyCode: 'USD', value: '100.00' } }] });

/** The buyer approves on the sandbox's approval page, over HTTP (the page, then its form). */
async function approve(orderId, approvalHref) {
  const page = await fetch(approvalHref, { redirect: 'manual' });
  equal(page.status, 200, 'approval page status');
  assert((await page.text()).includes('sandbox-approve'), 'the approval page offers the approve button');
  const answer = await fetch(`${sandboxBase}/checkoutnow`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: orderId, choice: 'approve' }),
  });
  return answer;
}

function link(resource, rel) {
  return resource.links?.find((l) => l.rel === rel)?.href;
}

/** Expects the SDK call to fail with PayPal's error object; returns it. */
async function failsWith(call, status, name) {
  try {
    await call();
  } catch (error) {
    assert(error instanceof CustomError, `expected CustomError, got ${describe(error)}`);
    return errorObject(error.statusCode, error.result, status, name);
  }
  throw new Error(`expected ${status} ${name}, the call succeeded`);
}

/** PayPal's error object: name, a sentence in message, debug_id, details[] with issue and description, links. */
function errorObject(actualStatus, body, status, name) {
  equal(actualStatus, status, 'status');
  equal(body.name, name, 'error name');
  assert(typeof body.message === 'string' && body.message.includes(' '), `message is a sentence: ${body.message}`);
  assert(typeof body.debug_id === 'string' && body.debug_id.length > 0, 'debug_id present');
  assert(Array.isArray(body.details) && body.details.length > 0, 'details present');
  for (const detail of body.details)
    assert(detail.issue && detail.description, `detail has issue and description: ${JSON.stringify(detail)}`);
  assert(Array.isArray(body.links) && body.links.length > 0, 'links present');
  return body;
}

/** A create sent as raw text through the SDK client's own token and HTTP layer. */
async function rawCreate(body) {
  const token = (await client.clientCredentialsAuthManager.fetchToken()).accessToken;
  return toBuiltInSandbox(`${paypalBase}/v2/checkout/orders`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body,
  });
}

// ---------------------------------------------------------------- orders

let paidCapture = null;

await check('create-minimal', async () => {
  const { statusCode, result } = await orders.createOrder({ body: minimal() });
  equal(statusCode, 201, 'status');
  equal(result.status, 'CREATED', 'order status');
  equal(rels(result), 'approve,capture,self,update', 'links');
  assert(result.purchaseUnits === undefined, 'without Prefer the answer is minimal');
});

await check('create-representation-reference-default', async () => {
  const { result } = await orders.createOrder({ body: minimal(), prefer: 'return=representation' });
  equal(result.purchaseUnits[0].referenceId, 'default', 'reference_id');
  equal(result.purchaseUnits[0].amount.value, '100.00', 'amount');
  const raw = JSON.stringify(result);
  assert(!raw.includes('null'), `no null fields: ${raw}`);
});

await check('create-application-context-approve-capture', async () => {
  const { statusCode, result } = await orders.createOrder({
    prefer: 'return=representation',
    body: {
      intent: 'CAPTURE',
      purchaseUnits: [{ referenceId: 'PU-1', invoiceId: 'INV-1', amount: { currencyCode: 'EUR', value: '14.99' } }],
      applicationContext: { returnUrl: shopReturn, cancelUrl: shopCancel, brandName: 'Shop' },
    },
  });
  equal(statusCode, 201, 'status');
  equal(result.status, 'CREATED', 'order status');
  equal(result.purchaseUnits[0].referenceId, 'PU-1', 'reference_id echoed');
  equal(result.purchaseUnits[0].invoiceId, 'INV-1', 'invoice_id');
  const back = await approve(result.id, link(result, 'approve'));
  equal(back.status, 302, 'approval redirects to the return URL');
  assert(back.headers.get('location').startsWith(shopReturn), `redirected to ${back.headers.get('location')}`);
  const approved = await orders.getOrder({ id: result.id });
  equal(approved.result.status, 'APPROVED', 'order status after approval');
  const captured = await orders.captureOrder({ id: result.id, prefer: 'return=representation', paypalRequestId: `cap-${result.id}` });
  equal(captured.statusCode, 201, 'capture status');
  equal(captured.result.status, 'COMPLETED', 'order completed');
  equal(rels(captured.result), 'self', 'a completed order has only its self link');
  const capture = captured.result.purchaseUnits[0].payments.captures[0];
  equal(capture.status, 'COMPLETED', 'capture status');
  equal(rels(capture), 'refund,self,up', 'capture links');
  paidCapture = capture.id;
  const again = await orders.captureOrder({ id: result.id, paypalRequestId: `cap-${result.id}` });
  equal(again.result.purchaseUnits[0].payments.captures[0].id, capture.id, 'capture replay answers the same capture');
});

await check('create-experience-context-payer-action', async () => {
  const { result } = await orders.createOrder({
    paypalRequestId: 'sdk-create-replay-1',
    body: {
      intent: 'CAPTURE',
      purchaseUnits: [{ amount: { currencyCode: 'EUR', value: '20.00' } }],
      paymentSource: { paypal: { experienceContext: { returnUrl: shopReturn, cancelUrl: shopCancel, userAction: 'PAY_NOW' } } },
    },
  });
  equal(result.status, 'PAYER_ACTION_REQUIRED', 'order status');
  equal(rels(result), 'payer-action,self', 'links');
  const replay = await orders.createOrder({ paypalRequestId: 'sdk-create-replay-1', body: minimal() });
  equal(replay.result.id, result.id, 'PayPal-Request-Id replay answers the first order');
  const back = await approve(result.id, link(result, 'payer-action'));
  equal(back.status, 302, 'approval redirects');
  const captured = await orders.captureOrder({ id: result.id });
  equal(captured.result.status, 'COMPLETED', 'captured');
  assert(!rels(captured.result).includes('payer-action'), 'no payer-action once completed');
});

await check('capture-unapproved-422', async () => {
  const { result } = await orders.createOrder({ body: minimal() });
  const error = await failsWith(() => orders.captureOrder({ id: result.id }), 422, 'UNPROCESSABLE_ENTITY');
  equal(error.details[0].issue, 'ORDER_NOT_APPROVED', 'issue');
});

await check('get-unknown-order-404', async () => {
  const error = await failsWith(() => orders.getOrder({ id: 'NOSUCHORDER' }), 404, 'RESOURCE_NOT_FOUND');
  equal(error.details[0].issue, 'INVALID_RESOURCE_ID', 'issue');
});

// The SDK's error samples: an unknown intent (sent by the SDK), an empty body (which this SDK's own validation
// stops before sending, so it goes through the same client's HTTP layer, as older SDKs send it).
await check('error-sample-empty-body-400', async () => {
  const answer = await rawCreate('{}');
  const error = errorObject(answer.status, await answer.json(), 400, 'INVALID_REQUEST');
  assert(error.details.some((d) => d.issue === 'MISSING_REQUIRED_PARAMETER' && d.field === '/intent'), JSON.stringify(error.details));
  assert(error.details.some((d) => d.issue === 'MISSING_REQUIRED_PARAMETER' && d.field === '/purchase_units'), JSON.stringify(error.details));
  assert(answer.headers.get('paypal-debug-id') === error.debug_id, 'PayPal-Debug-Id header');
});

await check('error-sample-invalid-intent-400', async () => {
  const error = await failsWith(() => orders.createOrder({ body: { ...minimal(), intent: 'INVALID' } }), 400, 'INVALID_REQUEST');
  assert(error.details.some((d) => d.issue === 'INVALID_PARAMETER_VALUE' && d.field === '/intent'), JSON.stringify(error.details));
});

// Wrong JSON types, which the SDK's typed models would not send: through the same authenticated client's HTTP layer.
for (const [name, body] of [
  ['number-value', JSON.stringify({ intent: 'CAPTURE', purchase_units: [{ amount: { currency_code: 'EUR', value: 14.99 } }] })],
  ['number-intent', JSON.stringify({ intent: 5 })],
  ['top-level-array', '[]'],
  ['not-json', '{"intent":'],
]) {
  await check(`wrong-json-${name}-400`, async () => {
    const answer = await rawCreate(body);
    const text = await answer.text();
    assert(answer.headers.get('content-type')?.startsWith('application/json'), `a JSON answer: ${answer.status} ${text}`);
    errorObject(answer.status, JSON.parse(text), 400, 'INVALID_REQUEST');
  });
}

// ---------------------------------------------------------------- payments

await check('get-capture', async () => {
  assert(paidCapture, 'an earlier check captured a payment');
  const { statusCode, result } = await payments.getCapturedPayment({ captureId: paidCapture });
  equal(statusCode, 200, 'status');
  equal(result.id, paidCapture, 'capture id');
  equal(result.status, 'COMPLETED', 'capture status');
  equal(rels(result), 'refund,self,up', 'links');
});

await check('refund-partial-then-rest-with-replay', async () => {
  assert(paidCapture, 'an earlier check captured a payment');
  const partial = await payments.refundCapturedPayment({
    captureId: paidCapture, paypalRequestId: 'sdk-refund-1', prefer: 'return=representation',
    body: { amount: { currencyCode: 'EUR', value: '4.99' }, noteToPayer: 'Part of the order' },
  });
  equal(partial.statusCode, 201, 'status');
  equal(partial.result.status, 'COMPLETED', 'refund status');
  equal(partial.result.amount.value, '4.99', 'refund amount');
  equal(rels(partial.result), 'self,up', 'refund links');
  const replay = await payments.refundCapturedPayment({
    captureId: paidCapture, paypalRequestId: 'sdk-refund-1', body: { amount: { currencyCode: 'EUR', value: '4.99' } },
  });
  equal(replay.result.id, partial.result.id, 'PayPal-Request-Id replay answers the same refund');
  equal((await payments.getCapturedPayment({ captureId: paidCapture })).result.status, 'PARTIALLY_REFUNDED', 'capture after a partial refund');

  const tooMuch = await failsWith(() => payments.refundCapturedPayment({
    captureId: paidCapture, body: { amount: { currencyCode: 'EUR', value: '10.01' } },
  }), 422, 'UNPROCESSABLE_ENTITY');
  equal(tooMuch.details[0].issue, 'REFUND_AMOUNT_EXCEEDED', 'issue');

  const rest = await payments.refundCapturedPayment({ captureId: paidCapture, prefer: 'return=representation' });
  equal(rest.result.amount.value, '10.00', 'the rest of the capture');
  const fetched = await payments.getRefund({ refundId: rest.result.id });
  equal(fetched.result.id, rest.result.id, 'GET refund');
  equal(link(fetched.result, 'up'), `${sandboxBase}/v2/payments/captures/${paidCapture}`, 'up link');
  equal((await payments.getCapturedPayment({ captureId: paidCapture })).result.status, 'REFUNDED', 'capture after the full refund');

  const again = await failsWith(() => payments.refundCapturedPayment({ captureId: paidCapture }), 422, 'UNPROCESSABLE_ENTITY');
  equal(again.details[0].issue, 'CAPTURE_FULLY_REFUNDED', 'issue');
});

await check('refund-full-without-body', async () => {
  const { result } = await orders.createOrder({ body: minimal(), prefer: 'return=representation' });
  await approve(result.id, link(result, 'approve'));
  const captured = await orders.captureOrder({ id: result.id, prefer: 'return=representation' });
  const captureId = captured.result.purchaseUnits[0].payments.captures[0].id;
  const refund = await payments.refundCapturedPayment({ captureId, prefer: 'return=representation' });
  equal(refund.result.amount.value, '100.00', 'a refund without amount returns the whole capture');
  equal((await payments.getCapturedPayment({ captureId })).result.status, 'REFUNDED', 'capture status');
});

await check('get-unknown-capture-404', async () => {
  const error = await failsWith(() => payments.getCapturedPayment({ captureId: 'NOSUCHCAPTURE' }), 404, 'RESOURCE_NOT_FOUND');
  equal(error.details[0].issue, 'INVALID_RESOURCE_ID', 'issue');
});

for (const result of results)
  console.log(JSON.stringify(result));
process.exit(results.every((r) => r.ok) ? 0 : 1);
