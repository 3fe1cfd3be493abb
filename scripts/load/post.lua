-- wrk script: every request posts a different comment, so none is a duplicate of another.
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  path = args[1]
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"author":"Load %d-%d","email":"load%d-%d@example.com","body":"Load test comment %d from thread %d, checking that every accepted comment is stored."}',
    thread_id, counter, thread_id, counter, counter, thread_id)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local rejected = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK requests=%d non2xx=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f seconds=%.2f\n",
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
