/**
 * `@mallkit/redis/testing`: what multi-process tests and demos of a shared budget need — a private
 * redis-server per test run. To let several worker processes reach one mall sandbox and its QPS
 * gate, serve the sandbox with core's `serveHandlers` (`@mallkit/core/testing`).
 *
 * @packageDocumentation
 */
export { startRedisServer, type RedisServer, type RedisServerOptions } from './redis-server.js';
