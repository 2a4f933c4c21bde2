import { carrierMapper, paymentMethodMapper, timeSlotMapper } from '@mallkit/core';
import type { MakeshopWireOrder } from '../src/api/order-schema.js';
import { carrierCodeMapper } from '../src/mapping/carrier.js';
import type { OrderMappingContext } from '../src/mapping/order.js';

/** The mapping context of a connector with no overrides. */
export const context: OrderMappingContext = { shopId: 'shop-1', mappers: { carrier: carrierMapper, paymentMethod: paymentMethodMapper, timeSlot: timeSlotMapper }, carrierCodes: carrierCodeMapper() };

/** The fields live output shows (Kahiro-M/MakeshopOrderList readme, a test-shop run of 2024-09): the confirmed ones only. */
export const LIVE: MakeshopWireOrder = {
  displayOrderNumber: 'P180941172630907436',
  orderDate: '2024-09-06 11:24:51',
  memberId: 'X241151山田太郎',
  sumPrice: 10000,
  senderPrefecture: '東京都',
  deliveryInfos: [{ basketInfos: [{ productName: 'テスト商品', price: 10000, amount: 1, productCode: '000000000001' }] }],
};

/** A gift to two addresses with every inferred field, shipped, paid by card. */
export const FULL: MakeshopWireOrder = {
  displayOrderNumber: 'P176378000000000042',
  orderDate: '2026-11-20 21:05:09',
  memberId: '261120000042',
  sumPrice: 12060,
  senderPrefecture: '大阪府',
  orderStatus: 1,
  deliveryStatus: 'Y',
  paymentMethodName: 'クレジットカード決済',
  paymentStatus: 1,
  paymentDate: '2026-11-20 21:05:09',
  senderName: '佐藤 花子',
  senderKana: 'サトウ ハナコ',
  senderPostalCode: '530-0001',
  senderCity: '大阪市北区',
  senderAddress: '梅田1-2-3 梅田ハイツ 502号室',
  senderTel: '090-1234-5678',
  senderEmail: 'hanako.sato@example.jp',
  commission: 0,
  usePoint: 500,
  couponDiscount: 300,
  discountPerTax: [],
  deliveryInfos: [
    {
      receiverName: '佐藤　一郎',
      receiverKana: 'サトウ イチロウ',
      receiverPostalCode: '0600001',
      receiverPrefecture: 1,
      receiverCity: '札幌市中央区',
      receiverAddress: '北一条西2-1',
      receiverTel: '080-1111-2222',
      deliveryMethodName: '宅配便',
      deliveryPrice: 880,
      deliveryDate: '2026/11/25',
      deliveryTime: '14時～16時',
      carrierCode: '002',
      slipNumber: '491234567890',
      shippingDate: '2026-11-21',
      basketInfos: [{ productName: '今治タオル ギフトセット', price: 5500, amount: 1, productCode: 'towel-gift-01' }],
    },
    {
      receiverName: '田中 次郎',
      receiverPrefecture: '14',
      receiverCity: '八王子市',
      receiverAddress: '旭町1-1',
      deliveryPrice: 0,
      deliveryTime: '午前中',
      basketInfos: [
        { productName: '静岡煎茶 100g', price: 1620, amount: 2, productCode: 'tea-100' },
        { productName: '羊羹 詰め合わせ', price: 3240, amount: 1, productCode: 'yokan-set' },
      ],
    },
  ],
};
