import type { FieldNode } from './graphql-parser.js';

/*
 * The sandbox's GraphQL schema: the types and fields it answers (the confirmed ones and the ones
 * this package infers), checked the way graphql-js checks a document, with its messages, and the
 * projection of an answer onto a selection (aliases included). `hidden` fields are ones the
 * sandbox pretends not to have, to play a makeshop whose schema differs from the inferred one:
 * `name` hides a field of every type, `Type.name` one type's only.
 */

const isHidden = (hidden: ReadonlySet<string>, typeName: string, field: string): boolean => hidden.has(field) || hidden.has(`${typeName}.${field}`);

const SCALARS = new Set(['String', 'Int', 'Float', 'Boolean']);

/** Output types: field name → type name (scalar or object; lists need no marking here). */
const OUTPUT_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Query: { searchOrder: 'SearchOrderResponse' },
  Mutation: { updateOrderDelivery: 'UpdateOrderDeliveryResponse' },
  SearchOrderResponse: { searchedCount: 'Int', page: 'Int', orders: 'SearchedOrder' },
  SearchedOrder: {
    displayOrderNumber: 'String', orderDate: 'String', memberId: 'String', sumPrice: 'Int', senderPrefecture: 'String',
    orderStatus: 'Int', deliveryStatus: 'String', paymentMethodName: 'String', paymentStatus: 'Int', paymentDate: 'String',
    senderName: 'String', senderKana: 'String', senderPostalCode: 'String', senderCity: 'String', senderAddress: 'String',
    senderTel: 'String', senderEmail: 'String', commission: 'Int', usePoint: 'Int', couponDiscount: 'Int',
    discountPerTax: 'DiscountPerTax', deliveryInfos: 'DeliveryInfo',
  },
  DiscountPerTax: { taxRate: 'Int', discount: 'Int' },
  DeliveryInfo: {
    receiverName: 'String', receiverKana: 'String', receiverPostalCode: 'String', receiverPrefecture: 'String', receiverCity: 'String',
    receiverAddress: 'String', receiverTel: 'String', deliveryMethodName: 'String', deliveryPrice: 'Int', deliveryDate: 'String',
    deliveryTime: 'String', carrierCode: 'String', slipNumber: 'String', shippingDate: 'String', basketInfos: 'BasketInfo',
  },
  BasketInfo: { productName: 'String', price: 'Int', amount: 'Int', productCode: 'String' },
  UpdateOrderDeliveryResponse: { displayOrderNumber: 'String', deliveryStatus: 'String' },
};

/** Input types: field name → whether it is required. */
const INPUT_TYPES: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {
  SearchOrderRequest: { startOrderDate: false, endOrderDate: false, deliveryStatus: false, sortOrder: false, page: false, limit: false, displayOrderNumber: false },
  UpdateOrderDeliveryRequest: {
    displayOrderNumber: true, deliveryId: true, deliveryStatus: true, carrierCode: false, slipNumber: false, shippingDate: false, sendMail: false,
  },
};

/** The input type of each root field's `input` argument. */
export const ROOT_INPUT: Readonly<Record<string, string>> = { searchOrder: 'SearchOrderRequest', updateOrderDelivery: 'UpdateOrderDeliveryRequest' };

/** Checks a selection against the schema; returns graphql-js's messages, empty when it is valid. */
export function validateSelection(typeName: string, selection: readonly FieldNode[], hidden: ReadonlySet<string>): string[] {
  const fields = OUTPUT_TYPES[typeName] ?? {};
  const errors: string[] = [];
  for (const field of selection) {
    if (field.name === '__typename') continue;
    const type = isHidden(hidden, typeName, field.name) ? undefined : fields[field.name];
    if (type === undefined) {
      errors.push(`Cannot query field "${field.name}" on type "${typeName}".`);
      continue;
    }
    if (SCALARS.has(type)) {
      if (field.selection) errors.push(`Field "${field.name}" must not have a selection since type "${type}" has no subfields.`);
    } else if (!field.selection) {
      errors.push(`Field "${field.name}" of type "${type}" must have a selection of subfields. Did you mean "${field.name} { ... }"?`);
    } else {
      errors.push(...validateSelection(type, field.selection, hidden));
    }
  }
  return errors;
}

/** Checks a root field's `input` value against its input type; returns graphql-js-like messages. */
export function validateInput(rootField: string, input: unknown, hidden: ReadonlySet<string>): string[] {
  const typeName = ROOT_INPUT[rootField];
  if (typeName === undefined) return [];
  const fields = INPUT_TYPES[typeName] ?? {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [`Variable "$input" of required type "${typeName}!" was not provided.`];
  const errors: string[] = [];
  for (const key of Object.keys(input)) {
    if (!(key in fields) || isHidden(hidden, typeName, key)) errors.push(`Variable "$input" got invalid value; Field "${key}" is not defined by type "${typeName}".`);
  }
  for (const [key, required] of Object.entries(fields)) {
    if (required && (input as Record<string, unknown>)[key] === undefined) {
      errors.push(`Variable "$input" got invalid value; Field "${key}" of required type "${typeName}" was not provided.`);
    }
  }
  return errors;
}

/** The type a root field returns, for projecting its answer. */
export function rootType(operationType: 'query' | 'mutation', rootField: string): string | undefined {
  return OUTPUT_TYPES[operationType === 'query' ? 'Query' : 'Mutation']?.[rootField];
}

/** Projects a value onto a selection, under the selection's aliases; absent fields are null, as GraphQL answers them. */
export function project(value: unknown, selection: readonly FieldNode[], typeName: string): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item: unknown) => project(item, selection, typeName));
  const record = value as Record<string, unknown>;
  const fields = OUTPUT_TYPES[typeName] ?? {};
  const out: Record<string, unknown> = {};
  for (const field of selection) {
    const key = field.alias ?? field.name;
    if (field.name === '__typename') {
      out[key] = typeName;
      continue;
    }
    const inner = record[field.name];
    const type = fields[field.name] ?? 'String';
    out[key] = field.selection && !SCALARS.has(type) ? project(inner, field.selection, type) : (inner ?? null);
  }
  return out;
}
