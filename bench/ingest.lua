-- wrk script for bench/ingest: one of the ways a response reaches Viche, or a reader.
--
-- Environment:
--   MODE         token | anon | form | batch | read
--   SLUG         the survey
--   BODIES       file of bodies, one per line (JSON for token/anon/batch; LANG<TAB>fields for form)
--   TOKEN        partner token (token, batch)
--   BATCH_SIZE   items per batch request (batch)
--   READ_PATH    the path a reader GETs (read)
--   RUN_SECONDS  after this long each thread stops sending; wrk's -d must be a few seconds
--                longer, so that every request sent is answered before wrk stops counting and
--                the 201s counted can be compared exactly with the rows stored
--   RUN_ID       a number distinct for each wrk run of one bench, so no client address repeats
--   THREAD_RATE  requests per second each wrk thread sends at most (pacing to a target rate:
--                each request is given the next slot on the thread's schedule, whatever the
--                latency; unset or 0 = as fast as the connections go)
--
-- Every anonymous request (API or form) comes from its own client address (documentation
-- range 3fff::/20 in X-Forwarded-For, which the service trusts for the run), so that the
-- per-client rate limit and burst counters see a crowd, as in production. A citizen on the
-- form GETs the page, then POSTs the answers with what a page fetched before holds: its CSRF
-- token (the signed cookie and the field) and its one-time submission key, and gets the thanks
-- page with the receipt. wrk does not say which connection answered, so the GET and the POST
-- of one citizen come from two addresses (the page costs the same from any address).

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now()
    ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
    return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

local mode = os.getenv("MODE") or "anon"
local slug = os.getenv("SLUG")
local thread_rate = tonumber(os.getenv("THREAD_RATE") or "0")
local run_seconds = tonumber(os.getenv("RUN_SECONDS") or "20")
local batch_size = tonumber(os.getenv("BATCH_SIZE") or "100")
local token = os.getenv("TOKEN")
local run_id = tonumber(os.getenv("RUN_ID") or "0")
local api = "/api/v1/surveys/" .. (slug or "") .. "/responses"

local threads = {}
local bodies = {}
local started_at, stop_at = nil, nil
local slots = 0
local serial = 0
local pending = {} -- form: pages fetched and not yet posted (CSRF field and cookie, submission key)
counts = {}        -- global: done() reads it from each thread

function setup(thread)
    table.insert(threads, thread)
    thread:set("index", #threads)
end

function init(args)
    if mode ~= "read" then
        for line in io.lines(os.getenv("BODIES")) do
            table.insert(bodies, line)
        end
    end
    math.randomseed(index * 7919 + os.time())
    counts = { stored = 0, pages = 0, limited = 0, other = 0 }
end

-- A fresh client address, never repeated within a bench (run number, thread, serial number).
-- IPv6 clients are counted per /64, so the variation is in the /64 prefix, inside the
-- documentation range 3fff::/20: 12 bits of run, 8 of thread, 24 of serial number.
local function address()
    serial = serial + 1
    return string.format("3fff:%x:%x:%x::1", run_id % 4096, index * 256 + math.floor(serial / 65536) % 256,
        serial % 65536)
end

local function body()
    return bodies[math.random(#bodies)]
end

function delay()
    local t = now()
    if not stop_at then
        started_at, stop_at = t, t + run_seconds
    end
    if t >= stop_at then
        return 3600 * 1000 -- sleep past wrk's end: nothing new is sent after the run
    end
    if thread_rate <= 0 then
        return 0
    end
    slots = slots + 1
    return math.max(0, math.floor((started_at + slots / thread_rate - t) * 1000))
end

function request()
    if mode == "anon" then
        return wrk.format("POST", api, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address() }, body())
    elseif mode == "token" then
        return wrk.format("POST", api, { ["Content-Type"] = "application/json",
            ["Authorization"] = "Bearer " .. token }, body())
    elseif mode == "batch" then
        local items = {}
        for i = 1, batch_size do
            items[i] = body()
        end
        return wrk.format("POST", api .. "/batch", { ["Content-Type"] = "application/json",
            ["Authorization"] = "Bearer " .. token }, '{"items":[' .. table.concat(items, ",") .. "]}")
    elseif mode == "form" then
        local page = table.remove(pending)
        if page == nil then
            local lang = body():match("^(%a+)\t")
            return wrk.format("GET", "/s/" .. slug .. "?lang=" .. lang, { ["X-Forwarded-For"] = address() })
        end
        local lang, fields = body():match("^(%a+)\t(.*)$")
        return wrk.format("POST", "/s/" .. slug .. "?lang=" .. lang, {
            ["Content-Type"] = "application/x-www-form-urlencoded",
            ["Cookie"] = "viche-csrf=" .. page.cookie,
            ["X-Forwarded-For"] = address(),
        }, "csrf-token=" .. page.token .. "&submission=" .. page.submission .. "&" .. fields)
    else
        return wrk.format("GET", os.getenv("READ_PATH"))
    end
end

function response(status, headers, body_text)
    if status == 201 and (mode == "anon" or mode == "token") then
        counts.stored = counts.stored + 1
    elseif status == 200 and mode == "batch" then
        local _, created = body_text:gsub('"status":201', "")
        counts.stored = counts.stored + created
        counts.other = counts.other + batch_size - created
    elseif status == 200 and mode == "form" and body_text:find('id="receipt"') then
        counts.stored = counts.stored + 1 -- the thanks page, with the receipt
    elseif status == 200 and mode == "form" and body_text:find('name="submission"') then
        -- the cookie holds the token signed, the form field the token itself
        local cookie = (headers["set-cookie"] or headers["Set-Cookie"] or ""):match("viche%-csrf=([^;]+)")
        if cookie then
            counts.pages = counts.pages + 1
            table.insert(pending, { token = body_text:match('name="csrf%-token" value="([^"]+)"'), cookie = cookie,
                submission = body_text:match('name="submission" value="([^"]+)"') })
        else
            counts.other = counts.other + 1
        end
    elseif status == 200 and mode == "read" then
        counts.pages = counts.pages + 1
    elseif status == 429 then
        counts.limited = counts.limited + 1
    else
        counts.other = counts.other + 1
    end
end

function done(summary, latency, requests)
    local stored, pages, limited, other = 0, 0, 0, 0
    for _, thread in ipairs(threads) do
        local c = thread:get("counts")
        stored = stored + c.stored
        pages = pages + c.pages
        limited = limited + c.limited
        other = other + c.other
    end
    io.write(string.format(
        "RESULT stored=%d pages=%d limited=%d other=%d socket_errors=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f\n",
        stored, pages, limited, other,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        run_seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
