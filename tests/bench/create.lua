-- wrk script: POST a new webhook config. BENCH_HOOK_URL is where its test event goes (a closed
-- loopback port, so that delivery ends at once); BENCH_TOKEN, if set, is sent as the API token.
local hook = os.getenv("BENCH_HOOK_URL") or "http://127.0.0.1:9/hooks"
local token = os.getenv("BENCH_TOKEN") or ""

wrk.method = "POST"
wrk.body = '{"url": "' .. hook .. '/bench"}'
wrk.headers["Content-Type"] = "application/json"
if token ~= "" then
    wrk.headers["Authorization"] = "Token " .. token
end

-- Tally the answers by status, so that a refusal (429 while the test queue is full, say) is
-- named in the raw output rather than counted as a create.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    for status, count in pairs(total) do
        io.write(string.format("status %d: %d\n", status, count))
    end
end
