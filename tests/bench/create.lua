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
