/**
 * The `Authorization` header of every Shopserve management API request: HTTP Basic with the ショップID
 * as user and the マネージャー認証キー as password (CONFIRMED by public clients in PHP, JS and TS).
 * The value is a secret: the connector registers it with its redactor.
 */
export function basicAuthorization(shopserveId: string, managerKey: string): string {
  return `Basic ${Buffer.from(`${shopserveId}:${managerKey}`, 'utf8').toString('base64')}`;
}
