-- wrk: the browser registration flow, three requests per flow, each flow a new browser
-- with its own cookie:
--   1. GET /meetings/{id} without cookies: must answer 200, set the quorum_csrf cookie and
--      carry the form's csrf_token;
--   2. POST /meetings/{id}/register with that cookie and the form (csrf_token, name,
--      unique email, affiliation, attendance=remote, consent=on, website= empty): must
--      answer 303 with Location: /r/<token>;
--   3. GET /r/<token> with the cookie: must answer 200 with that registration's page.
-- A flow counts as completed only when its third step answered 200 with the page of the
-- token its own step 2 received.
--
-- wrk's Lua hooks are not told which connection they serve (one Lua state per thread), so
-- the state machine is kept per flow rather than per connection: response() parses each
-- answer (Set-Cookie and csrf_token of the page, the Location of the 303, the token on the
-- manage page) and queues that flow's next step; request() sends the oldest queued step
-- (manage pages first, then form posts) or starts a new flow. A step is sent only after the
-- previous step of its flow was answered, and each connection has one request in flight.
-- Steps 1 → 2 carry the cookie exactly (the page's answer holds both cookie and token).
-- A 303 does not say which post it answers, so step 3 sends the cookie of the oldest
-- unanswered post of the thread; the manage page names the registrant, which tells
-- afterwards how often that was the flow's own cookie ("cookie_own"; the server does the
-- same work for any valid cookie). With one connection per thread (wrk -tN -cN) there is
-- one flow per thread at a time and the cookie is always the flow's own.
-- No new flow is started after the window (QUORUM_BENCH_SEND_S); the flows under way are
-- finished before wrk stops, so every form post has its answer counted. "window" counts
-- the flows completed inside the window (for the rate).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local ids
local next_index = 1
local run = os.getenv("QUORUM_BENCH_RUN") or "run"
local posts = {}    -- queued step 2: {id=, cookie=, csrf=}
local posted = {}   -- step 2 in flight, oldest first: {cookie=, name=}
local manages = {}  -- queued step 3: {token=, cookie=, name=}
local waiting = {}  -- token -> name whose cookie step 3 carries, until step 3 is answered
local serial = 0

-- Globals read by done() through thread:get().
counters = {
   started = 0, page_ok = 0, post_ok = 0, flows = 0, window = 0, steps_window = 0, cookie_own = 0,
   page_failed = 0, post_failed = 0, manage_failed = 0, unattributed_failed = 0,
}
statuses = {}
samples = {}

setup = common.setup
done = common.done

function init(args)
   ids = common.read_ids()
   next_index = ((tid or 1) - 1) * 131 % #ids + 1
end

local function urlencode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local function sample(status, what, body)
   if #samples < 5 then
      samples[#samples + 1] = status .. " " .. what .. ": " .. common.oneline(body, 240)
   end
end

function delay()
   common.live = true
   -- After the window: only the steps of flows under way are sent.
   if common.in_window() or #manages > 0 or #posts > 0 then return 0 end
   return common.PARK_MS
end

function request()
   if not common.live then
      -- wrk's check of the request before the run: not sent, not counted.
      return wrk.format("GET", "/meetings/" .. ids[1])
   end
   if #manages > 0 then
      local m = table.remove(manages, 1)
      waiting[m.token] = m.name
      return wrk.format("GET", "/r/" .. m.token, { Cookie = "quorum_csrf=" .. m.cookie })
   end
   if #posts > 0 then
      local p = table.remove(posts, 1)
      serial = serial + 1
      local t = tid or 1
      local name = string.format("Load Flow %d-%d", t, serial)
      posted[#posted + 1] = { cookie = p.cookie, name = name }
      local body = "csrf_token=" .. urlencode(p.csrf)
         .. "&name=" .. urlencode(name)
         .. "&email=" .. urlencode(string.format("flow-%s-t%d-%d@example.org", run, t, serial))
         .. "&affiliation=" .. urlencode("Load Test Ltd")
         .. "&attendance=remote&consent=on&website="
      return wrk.format("POST", "/meetings/" .. p.id .. "/register", {
         ["Content-Type"] = "application/x-www-form-urlencoded",
         ["Cookie"] = "quorum_csrf=" .. p.cookie,
      }, body)
   end
   common.open_window()
   counters.started = counters.started + 1
   local id = ids[next_index]
   next_index = next_index % #ids + 1
   return wrk.format("GET", "/meetings/" .. id)
end

-- A post was answered (either way): forget the oldest one in flight.
local function post_answered()
   return table.remove(posted, 1) or { cookie = "", name = "" }
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if common.in_window() then counters.steps_window = counters.steps_window + 1 end
   if status == 303 then
      local p = post_answered()
      local loc = common.header(headers, "Location") or ""
      local token = loc:match("^/r/([%w_%-]+)$")
      if token then
         counters.post_ok = counters.post_ok + 1
         manages[#manages + 1] = { token = token, cookie = p.cookie, name = p.name }
      else
         counters.post_failed = counters.post_failed + 1
         sample(status, "form post answered Location " .. loc, body)
      end
      return
   end
   if status == 200 then
      local mid = body:match('action="/meetings/(%d+)/register"')
      if mid then
         -- Step 1 answered: the fresh cookie and the token signed for it.
         local csrf = body:match('name="csrf_token" value="([^"]+)"')
         local set_cookie = common.header(headers, "Set-Cookie") or ""
         local cookie = set_cookie:match("quorum_csrf=([^;]+)")
         if csrf and cookie then
            counters.page_ok = counters.page_ok + 1
            posts[#posts + 1] = { id = mid, cookie = cookie, csrf = csrf }
         else
            counters.page_failed = counters.page_failed + 1
            sample(status, "meeting page without " .. (csrf and "a quorum_csrf cookie" or "csrf_token"), body)
         end
         return
      end
      local token = body:match('action="/r/([%w_%-]+)/cancel"')
      if token and waiting[token] then
         -- Step 3 answered with the page of a token a step 2 received: the flow is complete.
         local sent_as = waiting[token]
         waiting[token] = nil
         counters.flows = counters.flows + 1
         if common.in_window() then counters.window = counters.window + 1 end
         if sent_as ~= "" and body:find(">" .. sent_as .. ":", 1, true) then
            counters.cookie_own = counters.cookie_own + 1
         end
         return
      end
      if body:find("already registered", 1, true) then
         post_answered()
         counters.post_failed = counters.post_failed + 1
         sample(status, "form post", body)
         return
      end
      counters.unattributed_failed = counters.unattributed_failed + 1
      sample(status, "unexpected page", body)
      return
   end
   -- Failures. Of the three steps only the form post is answered with these codes.
   if status == 400 or status == 403 or status == 409 or status == 410 or status == 413
      or status == 415 or status == 422 or status == 429 then
      post_answered()
      counters.post_failed = counters.post_failed + 1
      sample(status, "form post", body)
   elseif status == 404 then
      -- The meeting ids exist, so a 404 is a manage page that was not found.
      counters.manage_failed = counters.manage_failed + 1
      sample(status, "manage page", body)
   else
      counters.unattributed_failed = counters.unattributed_failed + 1
      sample(status, "unattributed", body)
   end
end
