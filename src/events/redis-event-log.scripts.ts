import { defineRedisScript } from './redis-script';

/**
 * Lua for the Redis event log (layout: log-streams.ts, keys: redis-event-log-keys.ts). Each script touches the keys
 * of one hash slot, so each runs on one cluster node. Stream entries:
 * - home stream (a group's, or the phone's stream of events without a group): t=<type number> p=<phoneNumberId or "">
 *   b=<body>, where the type number is event-type-codes.ts's and the body the event as event-codec.ts encodes it;
 * - index stream (a phone's, all events'): t=<type number> h=<home stream name> i=<home entry id>, a reference.
 * Ids are `<ms>-<seq>` from the caller's clock, kept above the stream's last id: `max(now, last + 1)`.
 */

const SHARED = `
local function fmt(n) return string.format('%.0f', n) end

local B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
local function b64url(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = string.byte(s, i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = 2
    if b then chars = 3 end
    if c then chars = 4 end
    for j = 1, chars do
      local index = math.floor(n / 2 ^ (18 - (j - 1) * 6)) % 64
      out[#out + 1] = string.sub(B64, index + 1, index + 1)
    end
  end
  return table.concat(out)
end

-- The stream's last generated id as {ms, seq} ({0, 0} when the key does not exist), or an error text.
local function lastIdOf(key)
  local keyType = redis.call('TYPE', key).ok
  if keyType == 'none' then return { 0, 0 }, nil end
  if keyType ~= 'stream' then return nil, 'WGGLOG key ' .. key .. ' holds a ' .. keyType .. ', not a stream' end
  local info = redis.call('XINFO', 'STREAM', key)
  for f = 1, #info, 2 do
    if info[f] == 'last-generated-id' then
      local ms, seq = string.match(info[f + 1], '^(%d+)-(%d+)$')
      return { tonumber(ms), tonumber(seq) }, nil
    end
  end
  return { 0, 0 }, nil
end

local function nextId(last, nowMs)
  if nowMs > last[1] then last[1], last[2] = nowMs, 0 else last[2] = last[2] + 1 end
  return fmt(last[1]) .. '-' .. fmt(last[2])
end

local function payload(cursorPrefix, id, json)
  return '{"cursor":"' .. b64url(cursorPrefix .. id) .. '",' .. string.sub(json, 2)
end

local function checkPublish(command)
  if command ~= 'PUBLISH' and command ~= 'SPUBLISH' then
    return redis.error_reply('WGGLOG publish command must be PUBLISH or SPUBLISH, got ' .. tostring(command))
  end
  return nil
end
`;

/**
 * Appends one delivery's events of one home stream, atomically with their dedupe fields and their publication.
 * KEYS: [1] the home stream, [2] today's dedupe hash (where new events are recorded), then the stream's other dedupe
 * hashes (one per day, same slot) that can hold an event stored within the dedupe TTL, the next day's included (an
 * instance whose clock is ahead may have written there). ARGV: nowMs,
 * retentionMs, dedupeTtlMs, todayExpireMs (today's hash lives until its day ends plus the dedupe TTL), publish command
 * (PUBLISH on one server, SPUBLISH on a cluster), channel ("" for none: events without a group), cursor prefix
 * ("v2:g:<groupId>:"), eventCount, then per event: dedupe field, type number, phoneNumberId ("" for none), body, JSON.
 * Returns { previous last id of the stream ("" if none), then per event: its id, 1 if stored now or 0 if a duplicate }.
 * A duplicate's id is the one stored before (the dedupe field's value): the index steps run for it again.
 *
 * Dedupe is exact for the TTL: a field counts only while its entry id (the time it was stored) is less than the TTL
 * old, so the day buckets, which live up to a day longer, never make an event a duplicate for longer than the TTL.
 * All-or-nothing: every check runs before the first write, so a script that fails has written nothing.
 */
export const HOME_APPEND_SCRIPT = defineRedisScript(`${SHARED}
local nowMs = tonumber(ARGV[1])
local retentionMs = tonumber(ARGV[2])
local dedupeMs = tonumber(ARGV[3])
local todayExpireMs = tonumber(ARGV[4])
local publishCommand = ARGV[5]
local channel = ARGV[6]
local cursorPrefix = ARGV[7]
local count = tonumber(ARGV[8])
local today = KEYS[2]
local bad = checkPublish(publishCommand)
if bad then return bad end

-- Phase 1: read only.
local last, problem = lastIdOf(KEYS[1])
if problem then return redis.error_reply(problem) end
local previous = ''
if last[1] > 0 or last[2] > 0 then previous = fmt(last[1]) .. '-' .. fmt(last[2]) end
local existing = {}
for i = 1, count do
  local field = ARGV[9 + (i - 1) * 5]
  if existing[field] == nil then
    existing[field] = false
    local newest = -1
    for k = 2, #KEYS do
      local id = redis.call('HGET', KEYS[k], field)
      if id then
        local ms = tonumber(string.match(id, '^(%d+)-')) or -1
        if ms + dedupeMs > nowMs and ms > newest then
          existing[field] = id
          newest = ms
        end
      end
    end
  end
end

-- Phase 2: write.
local minId = fmt(math.max(0, nowMs - retentionMs)) .. '-0'
local results = { previous }
local wrote = false
for i = 1, count do
  local a = 9 + (i - 1) * 5
  local field = ARGV[a]
  if existing[field] then
    results[#results + 1] = existing[field]
    results[#results + 1] = 0
  else
    local id = nextId(last, nowMs)
    redis.call('XADD', KEYS[1], 'MINID', '~', minId, id, 't', ARGV[a + 1], 'p', ARGV[a + 2], 'b', ARGV[a + 3])
    redis.call('HSET', today, field, id)
    existing[field] = id
    if channel ~= '' then redis.call(publishCommand, channel, payload(cursorPrefix, id, ARGV[a + 4])) end
    wrote = true
    results[#results + 1] = id
    results[#results + 1] = 1
  end
end
if wrote then
  redis.call('PEXPIRE', KEYS[1], retentionMs)
  redis.call('PEXPIRE', today, todayExpireMs)
end
return results
`);

/**
 * Adds references to one home stream's entries to an index stream (a phone's, or all events'), idempotently and in
 * the home stream's order. KEYS: [1] the index stream, [2] its progress hash (home stream name → the last home entry
 * id indexed). ARGV: nowMs, retentionMs, publish command, channel, cursor prefix ("v2:p:<phone>:" / "v2:a::"), home
 * stream name, entryCount, then per entry (in home order): home id, the home id right before it ("?" when unknown),
 * 1 to index it or 0 to only step over it (an entry of another phone number), type, JSON.
 *
 * An entry at or before the progress is skipped (indexed before: a redelivery, or another instance was faster).
 * An entry whose previous id is the progress is indexed: its reference is added and published. Anything else means
 * the home stream holds entries between the progress and this one that are not indexed yet (a concurrent append of
 * the same group on another instance, or a crash between the steps): nothing is written and the reply is
 * { "gap", progress } so the caller reads the home stream after the progress and calls again with every entry.
 * Returns { "ok", references added }.
 */
export const INDEX_SCRIPT = defineRedisScript(`${SHARED}
local nowMs = tonumber(ARGV[1])
local retentionMs = tonumber(ARGV[2])
local publishCommand = ARGV[3]
local channel = ARGV[4]
local cursorPrefix = ARGV[5]
local home = ARGV[6]
local count = tonumber(ARGV[7])
local bad = checkPublish(publishCommand)
if bad then return bad end

local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function after(a, b)
  if b == '' then return true end
  local ams, aseq = parse(a)
  local bms, bseq = parse(b)
  return ams > bms or (ams == bms and aseq > bseq)
end

-- Phase 1: read only.
local progress = redis.call('HGET', KEYS[2], home) or ''
local reached = progress
local plan = {}
for i = 1, count do
  local a = 8 + (i - 1) * 5
  local id, previous = ARGV[a], ARGV[a + 1]
  if after(id, reached) then
    if previous ~= reached then return { 'gap', progress } end
    reached = id
    if ARGV[a + 2] == '1' then plan[#plan + 1] = a end
  end
end
if reached == progress then return { 'ok', 0 } end
local last, problem = lastIdOf(KEYS[1])
if problem then return redis.error_reply(problem) end

-- Phase 2: write.
local minId = fmt(math.max(0, nowMs - retentionMs)) .. '-0'
for _, a in ipairs(plan) do
  local id = nextId(last, nowMs)
  redis.call('XADD', KEYS[1], 'MINID', '~', minId, id, 't', ARGV[a + 3], 'h', home, 'i', ARGV[a])
  redis.call(publishCommand, channel, payload(cursorPrefix, id, ARGV[a + 4]))
end
redis.call('HSET', KEYS[2], home, reached)
redis.call('PEXPIRE', KEYS[2], retentionMs)
if #plan > 0 then redis.call('PEXPIRE', KEYS[1], retentionMs) end
return { 'ok', #plan }
`);

/**
 * Reads one bounded slice of a stream. KEYS: [1] the stream. ARGV: start (an XRANGE start: "(<id>" exclusive or "<id>"
 * inclusive), wanted, scanBudget, phone filter ("" for none; home streams only), typeCount, types..., fieldCount,
 * fields... Returns { { id, field values..., id, ... }, lastScannedId ("" if none), exhausted (0/1) }.
 * The filters run here, so non-matching entries never leave Redis; the budget bounds the script's run time and the
 * caller continues after lastScannedId.
 */
export const READ_SCRIPT = defineRedisScript(`
local start = ARGV[1]
local wanted = tonumber(ARGV[2])
local budget = tonumber(ARGV[3])
local phone = ARGV[4]
local typeCount = tonumber(ARGV[5])
local types = nil
if typeCount > 0 then
  types = {}
  for i = 1, typeCount do types[ARGV[5 + i]] = true end
end
local fieldCount = tonumber(ARGV[6 + typeCount])
local wantedFields = {}
for i = 1, fieldCount do wantedFields[i] = ARGV[6 + typeCount + i] end

local function field(fields, name)
  for f = 1, #fields, 2 do
    if fields[f] == name then return fields[f + 1] end
  end
  return ''
end

local found = {}
local matched = 0
local scanned = 0
local last = ''
local exhausted = 0
while matched < wanted and scanned < budget do
  local requested = math.min(256, budget - scanned)
  local batch = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', requested)
  for _, entry in ipairs(batch) do
    if matched >= wanted then break end
    scanned = scanned + 1
    last = entry[1]
    local fields = entry[2]
    if (types == nil or types[field(fields, 't')]) and (phone == '' or field(fields, 'p') == phone) then
      found[#found + 1] = last
      for _, name in ipairs(wantedFields) do found[#found + 1] = field(fields, name) end
      matched = matched + 1
    end
  end
  if #batch < requested and matched < wanted then
    exhausted = 1
    break
  end
  start = '(' .. last
end
return { found, last, exhausted }
`);

/**
 * The bodies of some entries of one home stream. KEYS: [1] the home stream. ARGV: entry ids. Returns one body per id,
 * nil for an entry no longer there (trimmed by retention).
 */
export const BODIES_SCRIPT = defineRedisScript(`
local out = {}
for i, id in ipairs(ARGV) do
  local entry = redis.call('XRANGE', KEYS[1], id, id)
  out[i] = false
  if #entry > 0 then
    local fields = entry[1][2]
    for f = 1, #fields, 2 do
      if fields[f] == 'b' then out[i] = fields[f + 1] end
    end
  end
end
return out
`);
