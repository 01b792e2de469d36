-- wrk script for bench/ingest: POSTs varied submissions from a pool of bodies, each from a
-- different (documentation-range IPv6 /64) client address so that per-client rate limits
-- see a crowd, as they would in production. Counts answers by status.
-- Environment: BODIES (file, one JSON per line), SLUG, DELAY_MS (pause between requests).

local bodies = {}
counts = {}  -- global: done() reads it from each thread
local threads = {}
local path = "/api/v1/surveys/" .. os.getenv("SLUG") .. "/responses"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(os.getenv("BODIES")) do
        table.insert(bodies, line)
    end
    math.randomseed(os.time() + (tonumber(tostring(args):match("0x(%x+)") or "0", 16) % 100000))
    counts = { created = 0, limited = 0, other = 0 }
end

function request()
    local body = bodies[math.random(#bodies)]
    local client = string.format("2001:db8:%x:%x::1", math.random(0, 65535), math.random(0, 65535))
    return wrk.format("POST", path, {
        ["Content-Type"] = "application/json",
        ["X-Forwarded-For"] = client,
    }, body)
end

function response(status, headers, body)
    if status == 201 then
        counts.created = counts.created + 1
    elseif status == 429 then
        counts.limited = counts.limited + 1
    else
        counts.other = counts.other + 1
    end
end

function delay()
    return delay_ms
end

function done(summary, latency, requests)
    local created, limited, other = 0, 0, 0
    for _, thread in ipairs(threads) do
        local c = thread:get("counts")
        created = created + c.created
        limited = limited + c.limited
        other = other + c.other
    end
    io.write(string.format("RESULT created=%d limited=%d other=%d socket_errors=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f\n",
        created, limited, other,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
