// bench:checkin: wrk (Debian's package) driven by a Lua script that gives every request its own student.
import { CONNECTIONS, run, THREADS } from './settings.ts';

// Each wrk thread walks its own stripe of students: every request is a different student.
export const LUA = `
local threads = {}
local count = 0
function setup(thread)
  thread:set("tid", count)
  count = count + 1
  table.insert(threads, thread)
end
function init(args)
  session, code, n, salt, nthreads = args[1], args[2], tonumber(args[3]), args[4], tonumber(args[5])
  i = tid
  non201 = 0
end
function request()
  local g = (i % n) + 1
  i = i + nthreads
  local cookie = "attn_session=bench-" .. g .. "-" .. salt
  local body = '{"session_id":"' .. session .. '","code":"' .. code .. '","device_id":"bench-device-' .. g .. '"}'
  return wrk.format("POST", "/api/student/checkins", { ["Content-Type"] = "application/json", ["Cookie"] = cookie }, body)
end
function response(status, headers, body)
  if status ~= 201 then
    non201 = non201 + 1
    if sample == nil then sample = status .. " " .. string.sub(body, 1, 160) end
  end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non201")
    local s = t:get("sample")
    if s ~= nil then io.write("SAMPLE " .. s .. "\\n") end
  end
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"non201":%d,"socket_errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    e.connect + e.read + e.write + e.timeout))
end
`;

export interface WrkResult {
  requests: number;
  duration_us: number;
  p50_us: number;
  p99_us: number;
  non201: number;
  socket_errors: number;
  sample?: string;
}

export async function wrk(
  script: string,
  url: string,
  seconds: number,
  args: (string | number)[],
): Promise<WrkResult> {
  const { stdout } = await run(
    'wrk',
    [
      '-t',
      String(THREADS),
      '-c',
      String(CONNECTIONS),
      '-d',
      `${seconds}s`,
      '--timeout',
      '5s',
      '-s',
      script,
      url,
      '--',
    ].concat(args.map(String)),
    { maxBuffer: 1 << 20 },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const sample = stdout.split('\n').find((l) => l.startsWith('SAMPLE '));
  return { ...(JSON.parse(line.slice(7)) as WrkResult), ...(sample ? { sample: sample.slice(7) } : {}) };
}
