#!/usr/bin/env bash
# Runs every test of ServicePromise on a fresh Debian machine with the .NET 10 SDK:
# installs what is missing (Chromium, poppler-utils, qpdf, zbar-tools, PostgreSQL, Node.js/npm, curl), installs axe-core
# for the browser tests' accessibility checks, maildev for the mail tests and oidc-provider for the single sign-on tests,
# restores, builds, runs each test project and prints the totals.
# Exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}

missing=()
command -v "${SP_CHROMIUM:-chromium}" >/dev/null 2>&1 || [ -x "${SP_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
pg_bin=$(pg_config --bindir 2>/dev/null || true)
[ -x "$pg_bin/initdb" ] || [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]}: run this script as root or install them with apt-get." >&2
    exit 1
  fi
fi

# A throwaway PostgreSQL cluster for the PostgreSQL lane of the tests, removed on exit.
# PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user (created if missing).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/sp-pg.XXXXXX)
# Loopback ports for the services below: random, free when picked, distinct, and under the kernel's ephemeral range
# (where outgoing connections take their ports: a port picked there was taken by one and maildev failed to start).
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
picked_ports=" "
pick_port() { # sets REPLY
  while :; do
    REPLY=$(( 10000 + RANDOM % (ephemeral_low - 10000) ))
    case "$picked_ports" in *" $REPLY "*) continue ;; esac
    (exec 3<>"/dev/tcp/127.0.0.1/$REPLY") 2>/dev/null && continue
    picked_ports+="$REPLY "
    return
  done
}
pick_port; pg_port=$REPLY
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
echo "==> Starting PostgreSQL on 127.0.0.1:$pg_port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/log" \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export SP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=false"

# axe-core, pinned by package-lock.json, into the git-ignored node_modules the browser tests read by default.
echo "==> Installing axe-core for the accessibility checks"
(cd tests/ServicePromise.BrowserTests && npm ci --no-audit --no-fund --loglevel=error)
export SP_AXE="$root/tests/ServicePromise.BrowserTests/node_modules/axe-core/axe.min.js"
[ -f "$SP_AXE" ] || { echo "axe-core was not installed: $SP_AXE is missing." >&2; exit 1; }

# maildev, pinned by tests/tools/package-lock.json: a real SMTP server on loopback ports for the mail tests, which
# read the messages back from its HTTP API. Stopped on exit.
echo "==> Starting maildev (SMTP) for the mail tests"
(cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
# One maildev per test project: the two projects run at the same time, and each reads back only its own mail.
smtp_ports=() web_ports=() maildev_pids=()
for offset in 0 1; do
  pick_port; smtp_ports+=("$REPLY")
  pick_port; web_ports+=("$REPLY")
  node tests/tools/node_modules/maildev/bin/maildev --ip 127.0.0.1 --smtp "${smtp_ports[$offset]}" \
    --web "${web_ports[$offset]}" --silent >"$pg_dir/maildev$offset.log" 2>&1 &
  maildev_pids+=($!)
done
trap 'kill "${maildev_pids[@]}" 2>/dev/null || true; stop_postgres' EXIT
for offset in 0 1; do
  api="http://127.0.0.1:${web_ports[$offset]}/email"
  for _ in $(seq 1 50); do
    curl -fs "$api" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "$api" >/dev/null || { echo "maildev did not start:" >&2; cat "$pg_dir/maildev$offset.log" >&2; exit 1; }
done
export SP_TEST_SMTP_PORT="${smtp_ports[0]}"
export SP_TEST_MAILDEV="http://127.0.0.1:${web_ports[0]}"

# oidc-provider (installed above with maildev, pinned by the same lock file): a real OpenID Connect provider on a
# loopback port for the single sign-on tests, with the clients and people tests/tools/oidc-provider.mjs sets up.
# One for both test projects (each signs in as its own people). Stopped on exit.
echo "==> Starting oidc-provider (OpenID Connect) for the sign-in tests"
pick_port; oidc_port=$REPLY
node tests/tools/oidc-provider.mjs "$oidc_port" >"$pg_dir/oidc.log" 2>&1 &
oidc_pid=$!
trap 'kill "${maildev_pids[@]}" "$oidc_pid" 2>/dev/null || true; stop_postgres' EXIT
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$oidc_port/.well-known/openid-configuration" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$oidc_port/.well-known/openid-configuration" >/dev/null || { echo "oidc-provider did not start:" >&2; cat "$pg_dir/oidc.log" >&2; exit 1; }
export SP_TEST_OIDC="http://127.0.0.1:$oidc_port"

echo "==> Restoring and building ($configuration)"
dotnet restore ServicePromise.sln
# The code style of .editorconfig (layout, usings, var, naming) and the analyzers' automatic fixes: checked before the
# build, so a formatting slip fails with a message that says how to fix it rather than as a build error.
echo "==> Checking formatting (dotnet format --verify-no-changes)"
if ! dotnet format ServicePromise.sln --verify-no-changes --no-restore; then
  echo "The code is not formatted as .editorconfig says (the lines are listed above)." >&2
  echo "Fix it with: dotnet format ServicePromise.sln   (then review and commit the changes)" >&2
  exit 1
fi
dotnet build ServicePromise.sln -c "$configuration" --no-restore

# Every test host (hundreds over a run, several alive at once) watches its settings files; with inotify that is one
# instance each, and the per-user limit (128 by default on Debian) ran out near the end of the unit lane, so every later
# host failed to start. Polling watchers use no inotify instance; no test relies on a settings file changing.
export DOTNET_USE_POLLING_FILE_WATCHER=true
results=$(mktemp -d)
status=0
# The two projects run side by side (most of a test's time is spent waiting on sites, processes and databases, so
# the cores have room); each line is prefixed with its project, and each project's full log is kept.
run_project() {
  local project=$1 name
  name=$(basename "$project")
  echo "==> $name"
  if dotnet test "$project" -c "$configuration" --no-build --logger "trx;LogFileName=$results/$name.trx" \
      > >(tee "$results/$name.log" | sed -u "s/^/[$name] /") 2>&1; then
    echo 0 >"$results/$name.rc"
  else
    echo 1 >"$results/$name.rc"
  fi
}
run_project tests/ServicePromise.Tests &
tests_pid=$!
SP_TEST_SMTP_PORT="${smtp_ports[1]}" SP_TEST_MAILDEV="http://127.0.0.1:${web_ports[1]}" \
  run_project tests/ServicePromise.BrowserTests &
browser_pid=$!
wait "$tests_pid" "$browser_pid" || true
for rc in "$results"/*.rc; do [ "$(cat "$rc")" -eq 0 ] || status=1; done
[ "$(ls "$results"/*.rc | wc -l)" -eq 2 ] || status=1

# Totals from the TRX files each run wrote (one Counters element per project).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || { status=1; continue; }
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
done
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
echo
echo "Totals: $passed passed, $failed failed, $skipped skipped"
exit $status
