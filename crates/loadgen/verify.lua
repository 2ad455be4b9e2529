-- wrk script: verifies right codes, each challenge once, from the file
-- written by `countersign-loadgen flow --codes-out FILE`.
--   KEY=cs_live_… CODES=/tmp/codes.txt THREADS=2 wrk -t2 -c64 -d3s -s crates/loadgen/verify.lua http://127.0.0.1:18080
-- Counts 2xx answers apart from others (wrk's own count of non-2xx/3xx
-- answers, so that no Lua runs per response and wrk takes less of the CPU
-- the server shares with it): once the codes run out, requests name an
-- unknown challenge and are not counted as verifies.
local codes = {}
for line in io.lines(os.getenv("CODES")) do
  local id, code = line:match("^(%S+) (%S+)$")
  codes[#codes + 1] = { id, code }
end
local key = os.getenv("KEY")
local counter = 1

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end

-- Thread k (1-based) takes codes k, k+T, k+2T…, T = $THREADS (wrk's -t).
local n, step
function init(args)
  n = offset
  step = tonumber(os.getenv("THREADS") or "2")
end

function request()
  local pair = codes[n]
  n = n + step
  local id, code = "chl_none", "000000"
  if pair then id, code = pair[1], pair[2] end
  return wrk.format("POST", "/v1/challenges/" .. id .. "/verify",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"method":"sms","code":"' .. code .. '"}')
end

function done(summary, latency, requests)
  local total_other = summary.errors.status
  local total_ok = summary.requests - total_other
  io.write(string.format("verified (2xx): %d, other answers: %d, in %.2f s: %.0f verifies/s\n",
    total_ok, total_other, summary.duration / 1e6, total_ok / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
