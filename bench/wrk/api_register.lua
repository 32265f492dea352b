-- wrk: POST /api/v1/meetings/{id}/registrations with a unique e-mail per request
-- (run tag + thread id + counter), spread round-robin over the meeting ids.
-- response() counts the answers per status; done() writes the per-thread counters
-- (see common.lua) so the 201s can be compared with the rows in the database.
-- Nothing new is sent after the window (QUORUM_BENCH_SEND_S): the requests still in
-- flight are answered before wrk stops, so every request sent has its answer counted.
-- "window" counts the answers received inside the window (for the rate).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local ids
local sent = 0
local run = os.getenv("QUORUM_BENCH_RUN") or "run"
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

-- Globals read by done() through thread:get().
counters = { sent = 0, answered = 0, window = 0, created = 0, other = 0 }
statuses = {}
samples = {}

setup = common.setup
done = common.done

function init(args)
   ids = common.read_ids()
end

function delay()
   common.live = true
   if common.in_window() then return 0 end
   return common.PARK_MS
end

function request()
   if not common.live then
      -- wrk's check of the request before the run: not sent, not counted.
      return wrk.format("POST", "/api/v1/meetings/" .. ids[1] .. "/registrations", headers, "{}")
   end
   common.open_window()
   sent = sent + 1
   counters.sent = sent
   local t = tid or 1
   local id = ids[(sent + t * 97) % #ids + 1]
   local body = string.format(
      '{"name":"Load %d","email":"load-%s-t%d-%d@example.org","attendance":"remote"}',
      sent, run, t, sent)
   return wrk.format("POST", "/api/v1/meetings/" .. id .. "/registrations", headers, body)
end

function response(status, hdrs, body)
   counters.answered = counters.answered + 1
   if common.in_window() then counters.window = counters.window + 1 end
   statuses[status] = (statuses[status] or 0) + 1
   if status == 201 then
      counters.created = counters.created + 1
   else
      counters.other = counters.other + 1
      if #samples < 3 then
         samples[#samples + 1] = status .. " " .. common.oneline(body, 300)
      end
   end
end
