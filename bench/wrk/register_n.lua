-- wrk: exactly QUORUM_BENCH_COUNT registrations through POST /api/v1/meetings/{id}/registrations
-- (at most: requests that fail are not sent again), shared out over the QUORUM_BENCH_THREADS
-- threads (at most one thread per request: a thread with nothing to do would wait for -d)
-- and spread round-robin over the meeting ids, each with a unique e-mail (run tag +
-- thread + counter). A thread stops once every request it was given has been answered and
-- leaves the file QUORUM_BENCH_RESULT.done.TID: the caller then ends wrk with SIGINT (its -d
-- is only an upper bound). Used by bench/archive.sh to fill a database; done() writes the
-- per-thread counters (see common.lua).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local ids
local quota = 0
local sent = 0
local promised = 0
local run = os.getenv("QUORUM_BENCH_RUN") or "run"
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

-- Globals read by done() through thread:get().
counters = { sent = 0, answered = 0, created = 0, other = 0 }
statuses = {}
samples = {}

setup = common.setup
done = common.done

function init(args)
   ids = common.read_ids()
   local count = tonumber(os.getenv("QUORUM_BENCH_COUNT") or "")
   local threads = tonumber(os.getenv("QUORUM_BENCH_THREADS") or "")
   assert(count and threads and threads > 0, "QUORUM_BENCH_COUNT and QUORUM_BENCH_THREADS must be set")
   local t = tid or 1
   quota = math.floor(count / threads)
   if t <= count % threads then quota = quota + 1 end
end

-- wrk calls delay() before each request of a connection and request() once its delay is
-- over, so the quota is taken here: a 0 is a promise of one request.
function delay()
   common.live = true
   if promised < quota then
      promised = promised + 1
      return 0
   end
   return common.PARK_MS
end

function request()
   if not common.live or sent >= quota then
      -- wrk's check of the request before the run (never sent); or more requests than
      -- promised, which delay() rules out.
      return wrk.format("POST", "/api/v1/meetings/" .. ids[1] .. "/registrations", headers, "{}")
   end
   sent = sent + 1
   counters.sent = sent
   local t = tid or 1
   local id = ids[(sent + t * 97) % #ids + 1]
   local body = string.format(
      '{"name":"Observer %d-%d","email":"obs-%s-t%d-%d@example.org","attendance":"remote"}',
      t, sent, run, t, sent)
   return wrk.format("POST", "/api/v1/meetings/" .. id .. "/registrations", headers, body)
end

function response(status, hdrs, body)
   counters.answered = counters.answered + 1
   statuses[status] = (statuses[status] or 0) + 1
   if status == 201 then
      counters.created = counters.created + 1
   else
      counters.other = counters.other + 1
      if #samples < 3 then
         samples[#samples + 1] = status .. " " .. common.oneline(body, 300)
      end
   end
   if counters.answered == quota then
      -- This thread is done. wrk itself runs for its whole -d (its main thread sleeps), so
      -- the caller ends it with SIGINT once every thread has left this mark.
      local f = io.open(string.format("%s.done.%d", os.getenv("QUORUM_BENCH_RESULT"), tid or 1), "w")
      if f then f:close() end
      wrk.thread:stop()
   end
end
