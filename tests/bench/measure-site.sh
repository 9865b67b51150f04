#!/usr/bin/env bash
# Measures ServicePromise at scale against a running site (see docs/benchmarks.md).
#
#   tests/bench/measure-site.sh prepare DB_FILE N       build the Release site, generate N people into DB_FILE,
#                                                      create the bench HR account
#   tests/bench/measure-site.sh run DB_FILE [URL...]    start the site on DB_FILE, sign in as HR, time each URL
#
# Timing: one warm-up request, then REPEAT (21) requests one after another with curl; prints median, min and max
# of curl's time_total in ms, and the site's memory (VmRSS/VmHWM) before and after. Server time is what the
# request costs end to end on loopback, so it includes Kestrel and the page's rendering.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
repeat=${REPEAT:-21}
port=${PORT:-5099}
base="http://127.0.0.1:$port"
bin="$root/src/ServicePromise.Web/bin/Release/net10.0"
email=bench@bench.test
password='Bench-olivo-tortuga-2026' # strong enough for the password rule (zxcvbn score 4)

site_env() {
  export ASPNETCORE_ENVIRONMENT=Production Content__Path="$root/content" Reminders__Enabled=false \
         ConnectionStrings__Default="Data Source=$1" App__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning
}

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

case "${1:-}" in
  prepare)
    db=$2; people=$3
    dotnet build "$root/src/ServicePromise.Web" -c Release -v quiet -nologo >/dev/null
    site_env "$db"
    (cd "$bin" && time dotnet ServicePromise.Web.dll generate-org --employees "$people")
    (cd "$bin" && dotnet ServicePromise.Web.dll create-admin --email "$email" --name "Bench HR") | tee /tmp/sp-bench-admin.txt
    ;;
  run)
    db=$2; shift 2
    urls=("$@")
    [ ${#urls[@]} -gt 0 ] || urls=(/hr/dashboard /hr/dashboard/manager /hr/dashboard/site
      /hr/completion "/hr/completion?status=Overdue" "/hr/completion?p=3000" "/hr/completion?department=2&status=InProgress"
      "/hr/completion?q=romero%20gil" "/hr/completion?site=7&status=Completed" "/hr/completion?job=Cajero/a&status=Overdue"
      "/hr/completion?manager=13" "/hr/completion?onboarding=Late" "/hr/completion?onboarding=DueSoon"
      "/hr/completion?without=Manager&status=Completed" /hr/people/5000)
    site_env "$db"
    (cd "$bin" && ASPNETCORE_URLS="$base" exec dotnet ServicePromise.Web.dll) >/tmp/sp-bench-site.log 2>&1 &
    site=$!
    trap 'kill $site 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do curl -fs "$base/account/login" >/dev/null 2>&1 && break; sleep 0.5; done
    jar=$(mktemp)
    # The first run sets the bench account's password from the link create-admin printed.
    if link=$(grep -o 'https\?://[^ ]*set-password[^ ]*' /tmp/sp-bench-admin.txt 2>/dev/null | head -n 1) && [ -n "$link" ]; then
      # The user id and token stay in the link's query, which the page binds on POST too.
      url="$base/${link#*://*/}"
      if token=$(curl -fs -c "$jar" -b "$jar" "$url" | token_of) && [ -n "$token" ]; then
        curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
          --data-urlencode "Input.Password=$password" --data-urlencode "Input.ConfirmPassword=$password" "$url" || true
      fi
    fi
    token=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token_of)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
      --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "$base/account/login"
    grep -q 'sp\.auth' "$jar" || { echo "Could not sign in as $email" >&2; exit 1; }
    memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$site/status"; echo; }
    echo "memory before: $(memory)"
    printf '%-60s %8s %8s %8s %8s\n' url median min max bytes
    for url in "${urls[@]}"; do
      curl -fs -o /dev/null -b "$jar" "$base$url"
      times=()
      for _ in $(seq 1 "$repeat"); do
        times+=("$(curl -fs -o /dev/null -b "$jar" -w '%{time_total}' "$base$url")")
      done
      size=$(curl -fs -b "$jar" "$base$url" | wc -c)
      printf '%s\n' "${times[@]}" | sort -n | awk -v url="$url" -v size="$size" \
        '{ t[NR] = $1 * 1000 } END { printf "%-60s %8.0f %8.0f %8.0f %8d\n", url, t[int((NR + 1) / 2)], t[1], t[NR], size }'
    done
    echo "memory after:  $(memory)"
    rm -f "$jar"
    ;;
  *)
    sed -n '2,12p' "$0"; exit 2 ;;
esac
