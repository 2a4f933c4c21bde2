/* eslint-disable no-console -- the README examples print what they show */
/*
 * The README's examples, kept here so that `tsc` proves they compile under the strict settings.
 * Nothing runs them: each is a function nobody calls.
 */
import { generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import { createAupayConnector } from '@mallkit/aupay';
import { createAupaySandbox } from '@mallkit/aupay/testing';

/** The Japanese example. */
export async function exampleJa(): Promise<void> {
  const aupay = createAupayConnector({
    shopId: '54318092',
    apiKey: process.env.AUPAY_API_KEY!,
    keyExpiresAt: '2026/12/20', // Wow!manager に表示された有効期限
  });
  for await (const order of aupay.listOrders({ from: '2026-11-01T00:00:00+09:00', statuses: ['pending_confirmation'] })) {
    console.log(order.id, order.status.raw, order.payment.method, order.amounts.billed, order.warnings);
  }
  const confirmed = await aupay.confirmOrders(['352729794']);
  const shipped = await aupay.exportShipments([{ orderId: '352729794', carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
  console.log(confirmed.results, shipped.results, await aupay.checkCredentials());
}

/** The English example. */
export async function exampleEn(): Promise<void> {
  const aupay = createAupayConnector({
    shopId: '54318092',
    apiKey: process.env.AUPAY_API_KEY!,
    keyExpiresAt: '2026/12/20', // as Wow!manager shows it
  });
  // New orders since 1 November, each once; custom statuses come out unmapped with a warning.
  for await (const order of aupay.listOrders({ from: '2026-11-01T00:00:00+09:00', statuses: ['pending_confirmation'] })) {
    const result = await aupay.confirmOrders([order.id]);
    console.log(order.id, order.payment.method, result.results[0]);
  }
  const report = await aupay.checkCredentials(); // days left of the 90-day key, and a live probe through the order API
  console.log(report);
}

/** The sandbox example. */
export function exampleSandbox(): void {
  const sandbox = createAupaySandbox({ rateScale: 50 });
  const seeds = sandbox.seed(generateSeedOrders({ count: 100, from: '2026-11-01T00:00:00+09:00', to: '2026-11-20T00:00:00+09:00' }));
  const server = startSandboxServer(sandbox.handlers);
  const aupay = createAupayConnector({ ...sandbox.connectorOptions(), clock: sandbox.clock });
  console.log(seeds.length, aupay.capabilities);
  server.close();
}
