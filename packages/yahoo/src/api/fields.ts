/*
 * The orderInfo field catalogue, grouped as the response nests them (specs/yahoo.md §3.3, from the
 * official orderInfo.html table). One list drives three things: the `<Field>` the connector asks
 * for, the zod schema of `order.raw`, and the sandbox's rendering, so they cannot drift apart.
 */

/** Fields directly under `OrderInfo` (注文). */
export const ORDER_FIELDS = [
  'OrderId', 'Version', 'ParentOrderId', 'ChildOrderId', 'DeviceType', 'MobileCarrierName', 'IsSeen', 'IsSplit',
  'CancelReason', 'CancelReasonDetail', 'IsRoyalty', 'IsRoyaltyFix', 'IsSeller', 'IsAffiliate', 'IsRatingB2s', 'NeedSnl',
  'OrderTime', 'LastUpdateTime', 'Suspect', 'SuspectMessage', 'OrderStatus', 'StoreStatus', 'RoyaltyFixTime',
  'SendConfirmTime', 'SendPayTime', 'PrintSlipTime', 'PrintDeliveryTime', 'PrintBillTime', 'BuyerComments',
  'SellerComments', 'Notes', 'OperationUser', 'Referer', 'EntryPoint', 'HistoryId', 'UsageId', 'UseCouponData',
  'TotalCouponDiscount', 'ShippingCouponFlg', 'ShippingCouponDiscount', 'CampaignPoints', 'IsMultiShip', 'MultiShipId',
  'IsReadOnly', 'IsFirstClassDrugIncludes', 'IsFirstClassDrugAgreement', 'IsWelcomeGiftIncludes', 'YamatoCoopStatus',
  'FraudHoldStatus', 'PublicationTime', 'IsYahooAuctionOrder', 'YahooAuctionMerchantId', 'YahooAuctionId',
  'IsYahooAuctionDeferred', 'YahooAuctionCategoryType', 'YahooAuctionBidType', 'YahooAuctionBundleType',
  'GoodStoreStatus', 'CurrentGoodStoreBenefitApply', 'CurrentPromoPkgApply', 'LineGiftOrderId', 'IsLineGiftOrder',
  'ImmediateBonus', 'SlowlyShipPoint', 'SlowlyShipPointFixDate', 'IsSlowlyShipPointFix', 'CampaignGiftCards',
  'OverlapOrderResult', 'FirstOrderDoneDate', 'DonationId', 'SocialGiftType', 'IsVip', 'InsuranceStatus',
  'AffiliateType', 'IsLineCommerceTabOrder', 'XshoppingStoreType', 'OptionPartnerType',
] as const;

/** Fields under `OrderInfo/Pay` (請求). */
export const PAY_FIELDS = [
  'PayStatus', 'SettleStatus', 'PayType', 'PayKind', 'PayMethod', 'PayMethodName', 'SellerHandlingCharge',
  'PayActionTime', 'PayDate', 'PayNotes', 'SettleId', 'CardBrand', 'CardNumber', 'CardExpireYear', 'CardExpireMonth',
  'CardHolderName', 'CardBirthDay', 'CardNumberLast4', 'CardPayType', 'CardPayCount', 'UseYahooCard', 'UseWallet',
  'NeedBillSlip', 'NeedDetailedSlip', 'NeedReceipt', 'AgeConfirmField', 'AgeConfirmValue', 'AgeConfirmCheck',
  'BillAddressFrom', 'BillFirstName', 'BillFirstNameKana', 'BillLastName', 'BillLastNameKana', 'BillZipCode',
  'BillPrefecture', 'BillPrefectureKana', 'BillCity', 'BillCityKana', 'BillAddress1', 'BillAddress1Kana',
  'BillAddress2', 'BillAddress2Kana', 'BillPhoneNumber', 'BillEmgPhoneNumber', 'BillMailAddress',
  'BillSection1Field', 'BillSection1Value', 'BillSection2Field', 'BillSection2Value', 'PayNo', 'PayNoIssueDate',
  'ConfirmNumber', 'PaymentTerm', 'IsApplePay', 'PayMethodChangeDeadline', 'PayMethodChangeDoneDate',
  'IsPayMethodChangePossible', 'LineGiftPayMethodName', 'CombinedPayType', 'CombinedPayKind', 'CombinedPayMethod',
  'CombinedPayMethodName',
] as const;

/** Fields under `OrderInfo/Ship` (配送). */
export const SHIP_FIELDS = [
  'ShipStatus', 'ShipMethod', 'ShipMethodName', 'ShipRequestDate', 'ShipRequestTime', 'ShipNotes', 'ShipCompanyCode',
  'ReceiveShopCode', 'ShipInvoiceNumber1', 'ShipInvoiceNumber2', 'ShipInvoiceNumberEmptyReason', 'ShipUrl',
  'ArriveType', 'ShipDate', 'ArrivalDate', 'NeedGiftWrap', 'GiftWrapCode', 'GiftWrapType', 'GiftWrapMessage',
  'NeedGiftWrapPaper', 'GiftWrapPaperType', 'GiftWrapName', 'Option1Field', 'Option1Type', 'Option1Value',
  'Option2Field', 'Option2Type', 'Option2Value', 'ShipFirstName', 'ShipFirstNameKana', 'ShipLastName',
  'ShipLastNameKana', 'ShipZipCode', 'ShipPrefecture', 'ShipPrefectureKana', 'ShipCity', 'ShipCityKana',
  'ShipAddress1', 'ShipAddress1Kana', 'ShipAddress2', 'ShipAddress2Kana', 'ShipPhoneNumber', 'ShipEmgPhoneNumber',
  'ShipSection1Field', 'ShipSection1Value', 'ShipSection2Field', 'ShipSection2Value', 'ReceiveSatelliteType',
  'ReceiveSatelliteSettleMethod', 'ReceiveSatelliteMethod', 'ReceiveSatelliteCompanyName', 'ReceiveSatelliteShopCode',
  'ReceiveSatelliteShopName', 'ReceiveSatelliteShipKind', 'ReceiveSatelliteYahooCode',
  'ReceiveSatelliteCertificationNumber', 'CollectionDate', 'CashOnDeliveryTax', 'NumberUnitsShipped',
  'ShipRequestTimeZoneCode', 'ShipInstructType', 'ShipInstructStatus', 'ReceiveShopType', 'ReceiveShopName',
  'ExcellentDelivery', 'IsEazy', 'EazyDeliveryCode', 'EazyDeliveryName', 'IsMallContactlessDelivery',
  'MallContactlessDeliveryStatus', 'IsSubscription', 'SubscriptionId', 'SubscriptionContinueCount',
  'SubscriptionCycleType', 'SubscriptionCycleDate', 'IsLineGiftShippable', 'ShippingDeadline', 'UseGiftCardData',
  'DeliveryStatus', 'YamatoInputDate', 'SagawaInputDate', 'FirstArrivalDateTime', 'DeliveryDate', 'DeliveryTimeZone',
  'ShipCompanyMethodCode', 'ShipCompanyReceivedDatetime', 'ShipContactlessDeliveryCode', 'JapanPostInputDate',
  'RemoteAreaShippingType',
] as const;

/** Fields under `OrderInfo/Detail` (明細). `TaxRatio` appears in the official sample only. */
export const DETAIL_FIELDS = [
  'PayCharge', 'ShipCharge', 'GiftWrapCharge', 'Discount', 'Adjustments', 'SettleAmount', 'UsePoint',
  'GiftCardDiscount', 'TotalPrice', 'SettlePayAmount', 'IsGetPointFixAll', 'TotalMallCouponDiscount',
  'IsGetStoreBonusFixAll', 'LineGiftCharge', 'TotalImmediateBonusAmount', 'TotalImmediateBonusRatio',
  'PayMethodAmount', 'CombinedPayMethodAmount', 'UsePaypayPoint', 'TaxRatio',
] as const;

/** Scalar fields of each repeated `OrderInfo/Item` (商品). `ItemOption` and `Inscription` are nested lists. */
export const ITEM_FIELDS = [
  'LineId', 'ItemId', 'Title', 'SubCode', 'SubCodeOption', 'IsUsed', 'ImageId', 'IsTaxable', 'ItemTaxRatio', 'Jan',
  'ProductId', 'CategoryId', 'AffiliateRatio', 'UnitPrice', 'NonTaxUnitPrice', 'Quantity', 'PointAvailQuantity',
  'ReleaseDate', 'PointFspCode', 'PointRatioY', 'PointRatioSeller', 'UnitGetPoint', 'IsGetPointFix',
  'GetPointFixDate', 'CouponData', 'CouponDiscount', 'CouponUseNum', 'OriginalPrice', 'OriginalNum', 'LeadTimeText',
  'LeadTimeStart', 'LeadTimeEnd', 'PriceType', 'PickAndDeliveryCode', 'PickAndDeliveryTransportRuleType',
  'YamatoUndeliverableReason', 'StoreBonusRatioSeller', 'UnitGetStoreBonus', 'IsGetStoreBonusFix',
  'GetStoreBonusFixDate', 'ItemYahooAucId', 'ItemYahooAucMerchantId', 'PointBaseUnitPrice', 'MallCouponData',
  'YourTimesaleDiscount', 'SubscriptionPointRatio', 'ChannelGoodsPlanId', 'ChannelGoodsPlanName', 'IsAffiliateItem',
] as const;

/** The nested lists of an item: buyer-chosen options and inscriptions (名入れ). */
export const ITEM_LIST_FIELDS = ['ItemOption', 'Inscription'] as const;

/** Fields under `OrderInfo/Seller`. */
export const SELLER_FIELDS = ['SellerId', 'LineGiftAccount'] as const;

/** Fields under `OrderInfo/Buyer`. */
export const BUYER_FIELDS = ['IsLogin', 'FspLicenseCode', 'FspLicenseName', 'GuestAuthId'] as const;

/** The nested groups of an orderInfo answer and the fields each holds. */
export const ORDER_INFO_GROUPS = {
  Pay: PAY_FIELDS,
  Ship: SHIP_FIELDS,
  Detail: DETAIL_FIELDS,
  Seller: SELLER_FIELDS,
  Buyer: BUYER_FIELDS,
} as const;

/**
 * Every field the connector asks orderInfo for, comma-separated as `<Field>` takes it (keys are
 * plain, not prefixed with the group: `LineId`, not `Item.LineId`). About 4 KB, under the 10,000-byte cap.
 */
export const ORDER_INFO_FIELD_LIST: string = [
  ...ORDER_FIELDS,
  ...PAY_FIELDS,
  ...SHIP_FIELDS,
  ...DETAIL_FIELDS,
  ...ITEM_FIELDS,
  ...ITEM_LIST_FIELDS,
  ...SELLER_FIELDS,
  ...BUYER_FIELDS,
].join(',');

/** What listOrders asks orderList for: enough to page, deduplicate and see fraud-review releases. */
export const LIST_FIELDS = ['OrderId', 'OrderTime', 'PublicationTime', 'FraudHoldStatus', 'OrderStatus', 'LastUpdateTime'] as const;

/** What getPayments asks orderList for. */
export const PAYMENT_LIST_FIELDS = [
  'OrderId', 'OrderTime', 'OrderStatus', 'PayStatus', 'SettleStatus', 'PayType', 'PayMethod', 'PayMethodName', 'PayDate',
  'TotalPrice',
] as const;
