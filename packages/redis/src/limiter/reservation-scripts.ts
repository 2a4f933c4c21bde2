import { luaScript } from '../run-script.js';

/*
 * GCRA as a reservation: the key holds the theoretical arrival time (TAT) of the next request, in
 * µs of Redis's own clock (TIME), so the machines' clocks never matter. Each call reserves the next
 * slot and moves the TAT one interval on, atomically: callers in every process are served in the
 * order Redis sees them, each sleeping locally until its slot. Numbers travel as "%.0f" strings
 * because Lua would print a 16-digit µs count in exponent form.
 */

/**
 * Reserves a slot.
 * KEYS: bucket, epoch. ARGV: interval µs, tolerance µs, max queue µs.
 * Returns {1, wait µs, new TAT} when a slot was reserved, {0, retry µs} when the next free slot is
 * further away than the queue allows (nothing reserved: try again after that).
 *
 * A missing bucket is normal after a quiet spell (it expires once its TAT has passed, i.e. the
 * bucket is full again). But when the epoch key is missing too, Redis has lost its data (restart
 * without persistence, flush) or this is the first use: slots reserved before the loss may still be
 * pending in other processes, up to max-queue ahead, so the first new slot is put after all of them
 * with an empty bucket. That is the only case that waits without a queue.
 */
export const reserveSlot = luaScript(`
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local max_queue = tonumber(ARGV[3])
local function store(tat)
  redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
end
local tat = tonumber(redis.call('GET', KEYS[1]) or '')
if tat == nil then
  if redis.call('SET', KEYS[2], string.format('%.0f', now), 'NX') then
    tat = now + max_queue + interval + tolerance
    store(tat)
  else
    tat = now
  end
end
if tat < now then tat = now end
local start = tat - tolerance
if start < now then start = now end
local wait = start - now
if wait > max_queue then
  return {0, string.format('%.0f', wait - max_queue)}
end
local next_tat = tat + interval
store(next_tat)
return {1, string.format('%.0f', wait), string.format('%.0f', next_tat)}
`);

/**
 * Gives back a reservation whose caller stopped waiting (abort, or an answer after the deadline):
 * only when it is still the latest one, by moving the TAT back one interval. Later reservations
 * are already promised to their callers and cannot move, so a reservation in the middle of the
 * queue stays an unused slot — the rate only drops, it never rises.
 * KEYS: bucket. ARGV: the TAT the reservation returned, interval µs. Returns 1 when given back.
 */
export const giveBackSlot = luaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], string.format('%.0f', tonumber(ARGV[1]) - tonumber(ARGV[2])), 'KEEPTTL')
return 1
`);
