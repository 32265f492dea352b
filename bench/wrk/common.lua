-- Shared by the load benchmark's wrk scripts (bench/load.sh); loaded with dofile().
-- Environment: QUORUM_BENCH_IDS (file with one meeting id per line),
-- QUORUM_BENCH_RESULT (file that done() writes the per-thread counters to),
-- QUORUM_BENCH_SEND_S (seconds after its first request that a thread stops sending, see
-- common.window; unset = never).

local common = {}

-- A monotonic clock in seconds (LuaJIT's ffi; wrk is built with LuaJIT), or os.time().
local ok, ffi = pcall(require, "ffi")
if ok then
   ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } quorum_bench_timespec;
      int clock_gettime(int clk_id, quorum_bench_timespec *tp);
   ]]
   local ts = ffi.new("quorum_bench_timespec")
   function common.now()
      ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
      return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
   end
else
   common.now = os.time
end

-- The measuring window of a thread: it opens at the thread's first request and closes
-- QUORUM_BENCH_SEND_S seconds later. After it, the scripts send no new work (delay()
-- parks the connection), so every request sent is answered before wrk stops (wrk runs a
-- few seconds longer than the window) and the database can be compared with the answers.
-- Rates are counted inside the window, so the drain does not dilute them.
local send_s = tonumber(os.getenv("QUORUM_BENCH_SEND_S") or "")
local opened, closes = nil, nil
function common.open_window()
   if not opened then
      opened = common.now()
      closes = send_s and (opened + send_s) or math.huge
   end
end
function common.in_window()
   common.open_window()
   return common.now() <= closes
end
-- The delay() a parked connection gets: longer than any run.
common.PARK_MS = 3600 * 1000

-- wrk calls request() once before the run, in the first thread, to check the request it
-- returns; that one is never sent. Scripts that define delay() (called before every real
-- request) tell it apart: it comes before the first delay().
common.live = false

-- The meeting ids, read once per thread.
function common.read_ids()
   local path = os.getenv("QUORUM_BENCH_IDS")
   assert(path, "QUORUM_BENCH_IDS is not set")
   local ids = {}
   for line in io.lines(path) do
      local id = line:match("^%s*(%d+)%s*$")
      if id then ids[#ids + 1] = id end
   end
   assert(#ids > 0, "no meeting ids in " .. path)
   return ids
end

-- The threads, numbered 1..n, each told its number and the thread count.
common.threads = {}
function common.setup(thread)
   local n = #common.threads + 1
   common.threads[n] = thread
   thread:set("tid", n)
end

-- Case-insensitive header lookup (wrk keeps the names as the server sent them).
function common.header(headers, name)
   name = name:lower()
   for k, v in pairs(headers) do
      if k:lower() == name then return v end
   end
   return nil
end

-- One line, at most n characters, for a sample of an unexpected answer.
function common.oneline(s, n)
   s = tostring(s or ""):gsub("[\r\n\t]+", " ")
   if #s > n then s = s:sub(1, n) .. "…" end
   return s
end

-- Writes, for every thread, "thread TID KEY VALUE" for the numbers in its global table
-- `counters`, "status TID CODE COUNT" for its table `statuses` and "sample TID TEXT" for
-- its list `samples`; then "duration_us N" and "requests N" from wrk's summary.
function common.done(summary)
   local path = os.getenv("QUORUM_BENCH_RESULT")
   assert(path, "QUORUM_BENCH_RESULT is not set")
   local f = assert(io.open(path, "w"))
   for tid, thread in ipairs(common.threads) do
      local counters = thread:get("counters") or {}
      for k, v in pairs(counters) do
         f:write(string.format("thread %d %s %d\n", tid, k, v))
      end
      local statuses = thread:get("statuses") or {}
      for code, v in pairs(statuses) do
         f:write(string.format("status %d %s %d\n", tid, tostring(code), v))
      end
      local samples = thread:get("samples") or {}
      for _, s in ipairs(samples) do
         f:write(string.format("sample %d %s\n", tid, s))
      end
   end
   f:write(string.format("duration_us %d\n", summary.duration))
   f:write(string.format("requests %d\n", summary.requests))
   f:close()
end

return common
