-- wrk: GET /meetings/{id}, each thread cycling round-robin over the meeting ids
-- (threads start at different places in the list). No cookies are kept.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local requests = {}
local next_index = 1

setup = common.setup

function init(args)
   local ids = common.read_ids()
   for i, id in ipairs(ids) do
      requests[i] = wrk.format("GET", "/meetings/" .. id)
   end
   -- tid is set by setup() before init() runs.
   next_index = ((tid or 1) - 1) * 97 % #requests + 1
end

function request()
   local r = requests[next_index]
   next_index = next_index % #requests + 1
   return r
end
