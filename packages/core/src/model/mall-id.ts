/** The malls and carts mallkit has (or will have) a connector for. */
export const MALL_IDS = ['rakuten', 'yahoo', 'amazon', 'aupay', 'qoo10', 'shopserve', 'makeshop'] as const;

/** Identifies a mall: `'rakuten' | 'yahoo' | 'amazon' | 'aupay' | 'qoo10' | 'shopserve' | 'makeshop'`. */
export type MallId = (typeof MALL_IDS)[number];
