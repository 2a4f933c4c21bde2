import type { ShippingStatusCode } from '../api/shipping-info.js';
import type { SandboxLine, SandboxPack } from './store.js';

/** ShippingStatus labels as live answers carry them: a label with the code in parentheses. */
export const STATUS_LABELS: Readonly<Record<ShippingStatusCode, string>> = {
  1: 'Awaiting shipping(1)',
  2: 'On request(2)',
  3: 'Seller confirm(3)',
  4: 'On delivery(4)',
  5: 'Delivered(5)',
};

/** A cart or line number on the wire: a JSON number, unless it is not numeric (an adversary's id). */
function wireNumber(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** One GetShippingInfo_v3 row of a line, as Qoo10 writes it; `broken` drops a required field's sense (the adversary's corrupted order). */
export function shippingRow(pack: SandboxPack, line: SandboxLine, broken: boolean): Record<string, unknown> {
  const related = pack.lines.filter((other) => other.orderNo !== line.orderNo).map((other) => other.orderNo).join(', ');
  return {
    ShippingStatus: STATUS_LABELS[line.status],
    SellerID: 'sandbox-seller',
    PackNo: wireNumber(pack.packNo),
    OrderDate: pack.orderDate,
    PaymentDate: pack.paymentDate ?? '',
    EstimatedShippingDate: line.estimatedShippingDate ?? '',
    ShippingDate: line.shippingDate ?? '',
    DeliveredDate: line.deliveredDate ?? '',
    Buyer: pack.buyer,
    BuyerKana: pack.buyerKana,
    BuyerTel: '',
    BuyerMobile: pack.buyerMobile,
    BuyerEmail: pack.buyerEmail,
    OrderNo: wireNumber(line.orderNo),
    ItemNo: line.itemNo,
    SellerItemCode: line.sellerItemCode,
    ItemTitle: line.title,
    Option: line.option,
    OptionCode: '',
    OrderPrice: line.price,
    OrderQty: broken ? 'many' : line.quantity,
    Discount: 0,
    Total: line.price * line.quantity,
    Receiver: pack.receiver,
    ReceiverKana: pack.receiverKana,
    ZipCode: pack.zipCode,
    ShippingAddress: `${pack.address1} ${pack.address2}`.trim(),
    Address1: pack.address1,
    Address2: pack.address2,
    ReceiverTel: '',
    ReceiverMobile: pack.receiverMobile,
    DesiredDeliveryDate: pack.desiredDeliveryDate,
    SenderName: 'サンドボックス商店',
    SenderTel: '03-0000-0000',
    SenderNation: 'JP',
    SenderZipCode: '100-0001',
    SenderAddress: '東京都千代田区千代田1-1',
    ShippingWay: pack.shippingWay,
    ShippingMessage: pack.shippingMessage,
    PaymentMethod: pack.paymentMethod,
    SellerDiscount: 0,
    Currency: 'JPY',
    ShippingRate: line.shippingRate,
    RelatedOrder: related,
    ShippingRateType: line.shippingRate > 0 ? 'Charge' : 'Free',
    DeliveryCompany: line.deliveryCompany ?? '',
    VoucherCode: '',
    PackingNo: '',
    SellerDeliveryNo: '',
    Gift: '',
    CartDiscountSeller: 0,
    CartDiscountQoo10: 0,
    SettlePrice: Math.round(line.price * line.quantity * 0.9),
    BranchName: '',
    TrackingNo: line.trackingNo ?? '',
    Material: '',
    AvailableSendType: '0',
    AvailableShippingDate: pack.orderDate.slice(0, 10),
  };
}

/** One GetClaimInfo_V3 row of a line under a claim, lowerCamel as Qoo10 writes it. */
export function claimRow(pack: SandboxPack, line: SandboxLine, broken: boolean): Record<string, unknown> {
  const claim = line.claim;
  return {
    claimStatus: claim?.status ?? '',
    cancelRefundDate: claim?.completedDate ?? '',
    reason: claim?.reason ?? '',
    requestDate: claim?.requestDate ?? '',
    orderDate: pack.orderDate,
    PaymentDate: pack.paymentDate ?? '',
    shippingDate: line.shippingDate ?? '',
    DeliveredDate: line.deliveredDate ?? '',
    orderNo: wireNumber(line.orderNo),
    packNo: wireNumber(pack.packNo),
    itemCode: line.itemNo,
    sellerItemCode: line.sellerItemCode,
    itemTitle: line.title,
    orderQty: broken ? 'many' : line.quantity,
    paymentNation: 'JP',
    currency: 'JPY',
    paymentAmount: line.price * line.quantity,
    deliveryCompany: line.deliveryCompany ?? '',
    trackingNo: line.trackingNo ?? '',
    zipCode: pack.zipCode,
    receiver: pack.receiver,
    receiverMobile: pack.receiverMobile,
    buyer: pack.buyer,
    buyerMobile: pack.buyerMobile,
  };
}
