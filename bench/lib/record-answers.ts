/**
 * Answers as they come off the wire, recorded from a real sync against a mall's sandbox: the
 * bodies the normalize rows read, without a mall having to render its own answers for the bench.
 */
import type { MallBench } from './mall.js';
import { openShop, type ShopShape } from './shop.js';
import type { MallSandbox } from './runtime.js';

/** Rates × this while recording: the rate does not matter here. */
const RECORD_RATE = 1_000_000;

/** Syncs a shop of `shape` and returns the text of every answer whose URL `keep` accepts. */
export async function recordAnswers<Sandbox extends MallSandbox>(bench: MallBench<Sandbox>, shape: ShopShape, keep: (url: string) => boolean): Promise<string[]> {
  const bodies: string[] = [];
  const recording: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (keep(response.url || String(input instanceof Request ? input.url : input))) bodies.push(await response.clone().text());
    return response;
  };
  const shop = openShop(bench, { ...shape, rateScale: RECORD_RATE, connect: (sandbox, extras) => bench.connect(sandbox, { ...extras, fetch: recording }) });
  try {
    const window = { from: new Date(shop.clock.now() - shape.spanDays * 86_400_000), to: new Date(shop.clock.now()) };
    for await (const order of shop.connector.listOrders(window)) void order;
  } finally {
    shop.close();
  }
  return bodies;
}
