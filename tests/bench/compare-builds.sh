#!/usr/bin/env bash
# Compares two builds of ServicePromise on the same database, request by request (see docs/benchmarks.md).
#
#   tests/bench/compare-builds.sh BEFORE_BIN AFTER_BIN DB_FILE [URL...]
#
# BEFORE_BIN and AFTER_BIN are folders holding a Release ServicePromise.Web.dll (e.g. a copy of bin/Release/net10.0
# taken before a change, and the current one). DB_FILE is prepared with `measure-site.sh prepare` (the bench HR
# account, bench@bench.test; its password is set from the link create-admin printed, in ADMIN_OUTPUT, default
# /tmp/sp-bench-admin.txt, as `measure-site.sh run` does).
# Both sites run at once on the same file (reads only), and each URL is requested alternately — before, after,
# before, after — REPEAT (21) times after a warm-up, so a busy machine slows both alike. Prints each build's median,
# min and max of curl's time_total in ms, and the after/before ratio of the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
repeat=${REPEAT:-21}
before_bin=$(realpath "$1"); after_bin=$(realpath "$2"); db=$(realpath "$3"); shift 3
urls=("$@")
[ ${#urls[@]} -gt 0 ] || urls=(/hr/dashboard "/hr/completion?q=romero%20gil" /hr/completion "/hr/completion?status=Overdue")
email=bench@bench.test
password='Bench-olivo-tortuga-2026'
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

start() { # bin port
  (cd "$1" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$root/content" Reminders__Enabled=false Invitations__Enabled=false \
     ConnectionStrings__Default="Data Source=$db" App__PublicBaseUrl="http://127.0.0.1:$2" Logging__LogLevel__Default=Warning \
     ASPNETCORE_URLS="http://127.0.0.1:$2" exec dotnet ServicePromise.Web.dll) >"/tmp/sp-compare-$2.log" 2>&1 &
  echo $!
}
sign_in() { # port jar
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$1/account/login" >/dev/null 2>&1 && break; sleep 0.5; done
  local token
  token=$(curl -fs -c "$2" -b "$2" "http://127.0.0.1:$1/account/login" | token_of)
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "http://127.0.0.1:$1/account/login"
  grep -q 'sp\.auth' "$2" || { echo "Could not sign in as $email on port $1" >&2; exit 1; }
}
a=$(start "$before_bin" 5201); b=$(start "$after_bin" 5202)
trap 'kill $a $b 2>/dev/null || true' EXIT
ja=$(mktemp); jb=$(mktemp)
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:5201/account/login" >/dev/null 2>&1 && break; sleep 0.5; done
if link=$(grep -o 'https\?://[^ ]*set-password[^ ]*' "${ADMIN_OUTPUT:-/tmp/sp-bench-admin.txt}" 2>/dev/null | head -n 1) && [ -n "$link" ]; then
  url="http://127.0.0.1:5201/${link#*://*/}"
  if token=$(curl -fs -c "$ja" -b "$ja" "$url" | token_of) && [ -n "$token" ]; then
    curl -fs -o /dev/null -c "$ja" -b "$ja" --data-urlencode "__RequestVerificationToken=$token" \
      --data-urlencode "Input.Password=$password" --data-urlencode "Input.ConfirmPassword=$password" "$url" || true
  fi
fi
sign_in 5201 "$ja"; sign_in 5202 "$jb"
stats() { sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%8.0f %6.0f %6.0f", t[int((NR + 1) / 2)], t[1], t[NR] }'; }
printf '%-44s %22s %22s %7s\n' url "before: median min max" "after: median min max" ratio
for url in "${urls[@]}"; do
  curl -fs -o /dev/null -b "$ja" "http://127.0.0.1:5201$url"; curl -fs -o /dev/null -b "$jb" "http://127.0.0.1:5202$url"
  ta=(); tb=()
  for _ in $(seq 1 "$repeat"); do
    ta+=("$(curl -fs -o /dev/null -b "$ja" -w '%{time_total}' "http://127.0.0.1:5201$url")")
    tb+=("$(curl -fs -o /dev/null -b "$jb" -w '%{time_total}' "http://127.0.0.1:5202$url")")
  done
  sa=$(printf '%s\n' "${ta[@]}" | stats); sb=$(printf '%s\n' "${tb[@]}" | stats)
  ma=$(echo "$sa" | awk '{print $1}'); mb=$(echo "$sb" | awk '{print $1}')
  printf '%-44s %22s %22s %7s\n' "$url" "$sa" "$sb" "$(awk -v a="$ma" -v b="$mb" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }')"
done
rm -f "$ja" "$jb"
