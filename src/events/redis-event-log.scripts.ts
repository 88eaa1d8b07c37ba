import { defineRedisScript } from './redis-script';

/**
 * Lua for the Redis event log. Stream entries:
 * - global stream:    t=<type> g=<groupId> p=<phoneNumberId or ""> e=<event JSON without cursor>
 * - per-group stream: t=<type> p=<phoneNumberId or "">   (same entry id as the global entry)
 * - per-phone stream: t=<type> g=<groupId>
 * An event without a group (groupId "") goes to the global and per-phone streams only.
 */

/**
 * Appends one delivery. KEYS: [1] global stream, then per event: dedupe key, group stream, phone stream (the group
 * stream again when the event has no phone number; for an event without a group, its phone stream or the global stream
 * stands in the group slot and gets no group entry). ARGV: nowMs, retentionMs, dedupeTtlMs, eventCount, publish command
 * (PUBLISH on one server, SPUBLISH on a cluster, where the channels share the script's slot), then per event: type,
 * groupId, phoneNumberId ("" for none), JSON, channelCount, channels...
 * Returns, per event, the new entry id or "" for a duplicate.
 *
 * All-or-nothing: every check (duplicates, key types, the ids the streams will accept) runs before the first
 * write, so a script that fails has written nothing. A Lua error after a write would not be rolled back.
 * Ids are `<ms>-<seq>` from the caller's clock, kept above every involved stream's last id, so one id is valid
 * in the global stream and both index streams. PUBLISH runs inside the script: publication order is log order.
 */
export const APPEND_SCRIPT = defineRedisScript(`
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

local function fmt(n) return string.format('%.0f', n) end

local nowMs = tonumber(ARGV[1])
local retentionMs = tonumber(ARGV[2])
local dedupeMs = tonumber(ARGV[3])
local count = tonumber(ARGV[4])
local minId = fmt(math.max(0, nowMs - retentionMs)) .. '-0'
local publishCommand = ARGV[5]
if publishCommand ~= 'PUBLISH' and publishCommand ~= 'SPUBLISH' then
  return redis.error_reply('WGGLOG publish command must be PUBLISH or SPUBLISH, got ' .. tostring(publishCommand))
end

local events = {}
local a = 6
for i = 1, count do
  local k = 1 + (i - 1) * 3
  local e = { dedupeKey = KEYS[k + 1], groupKey = KEYS[k + 2], phoneKey = KEYS[k + 3],
    type = ARGV[a], groupId = ARGV[a + 1], phone = ARGV[a + 2], json = ARGV[a + 3], channels = {} }
  local channelCount = tonumber(ARGV[a + 4])
  for c = 1, channelCount do e.channels[c] = ARGV[a + 4 + c] end
  a = a + 5 + channelCount
  events[i] = e
end

-- Phase 1: read only.
local fresh = {}
local claimed = {}
for i, e in ipairs(events) do
  if not claimed[e.dedupeKey] and redis.call('EXISTS', e.dedupeKey) == 0 then
    claimed[e.dedupeKey] = true
    fresh[i] = true
  end
end

local lastMs, lastSeq = 0, 0
local checked = {}
local function checkStream(key)
  if checked[key] then return nil end
  checked[key] = true
  local keyType = redis.call('TYPE', key).ok
  if keyType == 'none' then return nil end
  if keyType ~= 'stream' then return 'WGGLOG key ' .. key .. ' holds a ' .. keyType .. ', not a stream' end
  local info = redis.call('XINFO', 'STREAM', key)
  for f = 1, #info, 2 do
    if info[f] == 'last-generated-id' then
      local ms, seq = string.match(info[f + 1], '^(%d+)-(%d+)$')
      ms, seq = tonumber(ms), tonumber(seq)
      if ms > lastMs or (ms == lastMs and seq > lastSeq) then lastMs, lastSeq = ms, seq end
    end
  end
  return nil
end
local problem = checkStream(KEYS[1])
for i, e in ipairs(events) do
  if fresh[i] then
    if e.groupId ~= '' then problem = problem or checkStream(e.groupKey) end
    if e.phone ~= '' then problem = problem or checkStream(e.phoneKey) end
  end
end
if problem then return redis.error_reply(problem) end

-- Phase 2: write.
local results = {}
for i, e in ipairs(events) do
  if fresh[i] then
    if nowMs > lastMs then lastMs, lastSeq = nowMs, 0 else lastSeq = lastSeq + 1 end
    local id = fmt(lastMs) .. '-' .. fmt(lastSeq)
    redis.call('XADD', KEYS[1], 'MINID', '~', minId, id, 't', e.type, 'g', e.groupId, 'p', e.phone, 'e', e.json)
    if e.groupId ~= '' then
      redis.call('XADD', e.groupKey, 'MINID', '~', minId, id, 't', e.type, 'p', e.phone)
      redis.call('PEXPIRE', e.groupKey, retentionMs)
    end
    if e.phone ~= '' then
      redis.call('XADD', e.phoneKey, 'MINID', '~', minId, id, 't', e.type, 'g', e.groupId)
      redis.call('PEXPIRE', e.phoneKey, retentionMs)
    end
    redis.call('SET', e.dedupeKey, id, 'PX', dedupeMs, 'NX')
    local payload = '{"cursor":"' .. b64url('v1:' .. id) .. '",' .. string.sub(e.json, 2)
    for _, channel in ipairs(e.channels) do redis.call(publishCommand, channel, payload) end
    results[i] = id
  else
    results[i] = ''
  end
end
return results
`);

/**
 * Reads one bounded slice of a stream. KEYS: [1] the stream to scan (global or an index), [2] the global stream.
 * ARGV: start (an XRANGE start: "(<id>" exclusive or "<id>" inclusive), wanted, scanBudget, phone filter ("" for
 * none), typeCount, types... Returns { id1, json1, id2, json2, ... }, lastScannedId ("" if none), exhausted (0/1).
 * The type filter runs here, so non-matching entries never leave Redis; the budget bounds the script's run time
 * and the caller continues after lastScannedId.
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
local scanningGlobal = KEYS[1] == KEYS[2]

local function field(fields, name)
  for f = 1, #fields, 2 do
    if fields[f] == name then return fields[f + 1] end
  end
  return nil
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
      local json = nil
      if scanningGlobal then
        json = field(fields, 'e')
      else
        local globalEntry = redis.call('XRANGE', KEYS[2], last, last)
        if #globalEntry > 0 then json = field(globalEntry[1][2], 'e') end
      end
      if json then
        found[#found + 1] = last
        found[#found + 1] = json
        matched = matched + 1
      end
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
