/**
 * @mallkit/core — the contract every mallkit connector implements, the normalized order model,
 * the error hierarchy, the HTTP pipeline (ky + p-retry, with its own rate limiters) and the helpers every mall needs.
 * XML lives in its own entry, `@mallkit/core/xml`, so that a JSON mall never loads it.
 *
 * @packageDocumentation
 */

// The normalized model
export * from './model/mall-id.js';
export * from './model/mapped.js';
export * from './model/codes.js';
export * from './model/status.js';
export * from './model/party.js';
export * from './model/amounts.js';
export * from './model/warning.js';
export * from './model/order.js';

// The contract
export * from './contract/connector.js';
export * from './contract/connector-options.js';
export * from './contract/capabilities.js';
export * from './contract/inputs.js';
export * from './contract/parse-input.js';
export * from './contract/call-options.js';
export * from './contract/connector-options-schema.js';
export * from './contract/secure-url.js';
export * from './contract/text-rules.js';
export * from './contract/results.js';
export * from './contract/credential-status.js';

// Errors
export * from './errors/hint.js';
export * from './errors/mallkit-error.js';
export * from './errors/classes.js';
export * from './errors/redact.js';
export * from './errors/outcome.js';
export * from './errors/rehint.js';
export { SafeCause } from './errors/safe-cause.js';

// HTTP pipeline
export * from './http/request.js';
export * from './http/response.js';
export * from './http/classify.js';
export * from './http/hooks.js';
export * from './http/limiter.js';
export * from './http/token-bucket-limiter.js';
export * from './http/retry.js';
export * from './http/charset.js';
export * from './http/pipeline.js';
export * from './auth/token-cache.js';
export * from './auth/credential-key.js';
export * from './logger.js';

// Helpers
export * from './time/clock.js';
export * from './time/jst.js';
export * from './time/windows.js';
export * from './iter/paginate.js';
export * from './iter/batch.js';
export * from './iter/concurrency.js';
export * from './mappers/index.js';
export * from './normalize/text.js';
export * from './normalize/address.js';

// Incremental sync
export * from './sync/index.js';

// The connector kit
export * from './kit/index.js';
