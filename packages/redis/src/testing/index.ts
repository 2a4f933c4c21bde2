/**
 * `@mallkit/redis/testing`: what multi-process tests and demos of a shared budget need — a private
 * redis-server per test run, and a mall sandbox served over real HTTP so that several worker
 * processes reach one sandbox and its QPS gate.
 *
 * @packageDocumentation
 */
export { startRedisServer, type RedisServer, type RedisServerOptions } from './redis-server.js';
export { serveHandlersOverHttp, type HttpSandboxServer } from './http-sandbox-server.js';
