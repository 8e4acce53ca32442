#!/usr/bin/env bash
# Runs sqlmap and wapiti (Debian packages) against a locally started portal with demo data and a
# logged-in session. Wapiti's modules that contact outside hosts (ssrf, xxe, nikto, wapp) are off.
# Usage: bash scripts/security-scan.sh   (installs sqlmap and wapiti with apt-get when missing)
# Prints a summary; exits 1 when either tool reports a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${SCAN_PORT:-3390}
BASE="https://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portal-scan.XXXXXX)
OUT=${SCAN_OUT:-$PWD/scan-results}
mkdir -p "$OUT"

if ! command -v sqlmap >/dev/null || ! command -v wapiti >/dev/null; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y sqlmap wapiti
fi

# Served over HTTPS as in production (a throwaway self-signed certificate), so cookies carry Secure.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1

# The scanners send thousands of requests: lift the per-IP and per-phone throttles for this run only.
TLS_CERT_FILE="$WORK/cert.pem" TLS_KEY_FILE="$WORK/key.pem" DATA_DIR="$WORK/db" PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=warn AUTH_IP_LIMIT_PER_MINUTE=1000000 \
  LOGIN_FAILURES_PER_HOUR=1000000 OTP_SENDS_PER_HOUR=1000000 \
  node --import tsx apps/server/src/server.ts >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -kfs "$BASE/healthz" >/dev/null && break; sleep 1; done

# Log in as administrator A: password, then the code from the demo outbox.
CH=$(curl -kfs -H 'content-type: application/json' -d '{"phone":"77012112101","password":"Kcell-Demo-2026!"}' \
  "$BASE/api/v1/auth/login" | node -pe 'JSON.parse(require("fs").readFileSync(0)).challengeId')
CODE=$(curl -kfs -H 'accept: application/json' "$BASE/dev/outbox" |
  node -pe 'JSON.parse(require("fs").readFileSync(0)).items.find(m=>m.to==="77012112101").text.match(/\b\d{6}\b/)[0]')
curl -kfs -c "$WORK/cookies.txt" -H 'content-type: application/json' \
  -d "{\"challengeId\":\"$CH\",\"code\":\"$CODE\"}" "$BASE/api/v1/auth/otp/verify" >/dev/null
SID=$(awk '$6=="sid"{print $7}' "$WORK/cookies.txt")
CSRF=$(awk '$6=="csrf_token"{print $7}' "$WORK/cookies.txt")
COOKIE="sid=$SID; csrf_token=$CSRF"
COMPANY=$(curl -kfs -H "cookie: $COOKIE" "$BASE/api/v1/companies" |
  node -pe 'JSON.parse(require("fs").readFileSync(0)).items.find(c=>c.numbersCount>1000).id')

findings=0
run_sqlmap() {
  local name=$1
  shift
  echo "--- sqlmap: $name"
  sqlmap --batch --disable-coloring --level=3 --risk=1 --threads=2 --ignore-code=400,401,403,404,409,429 \
    --output-dir="$WORK/sqlmap" "$@" \
    >"$OUT/sqlmap-$name.log" 2>&1 || true
  if grep -q "identified the following injection point" "$OUT/sqlmap-$name.log"; then
    echo "    FINDING (see $OUT/sqlmap-$name.log)"
    findings=$((findings + 1))
  else
    { grep -E "do not appear to be injectable|not injectable|all tested parameters|ERROR|CRITICAL" "$OUT/sqlmap-$name.log" || true; } |
      tail -1 | sed 's/^/    /'
  fi
}

run_sqlmap login -u "$BASE/api/v1/auth/login" --method POST \
  --headers "Content-Type: application/json" --data '{"phone":"77012112101*","password":"wrong password*"}'
run_sqlmap password-reset -u "$BASE/api/v1/auth/password-reset" --method POST \
  --headers "Content-Type: application/json" --data '{"phone":"77012112101*"}'
run_sqlmap numbers-list -u "$BASE/api/v1/companies/$COMPANY/numbers?q=0542&status=active&limit=10" \
  --cookie "$COOKIE" -p q,status,limit
run_sqlmap number-profile -u "$BASE/api/v1/companies/$COMPANY/numbers/77010542001*" --cookie "$COOKIE"
run_sqlmap company-alias -u "$BASE/api/v1/companies/$COMPANY" --method PATCH \
  --headers "Content-Type: application/json
X-CSRF-Token: $CSRF" --cookie "$COOKIE" --data '{"alias":"Head office*"}'

echo "--- wapiti"
MODULES="backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,shellshock,sql,xss"
node -e '
  const [sid, csrf] = process.argv.slice(1);
  const c = (name, value) => ({ version: 0, name, value, port: null, port_specified: false, domain: "127.0.0.1",
    domain_specified: false, domain_initial_dot: false, path: "/", path_specified: true, secure: true,
    expires: null, discard: true, comment: null, comment_url: null, rest: {}, rfc2109: false });
  console.log(JSON.stringify({ "127.0.0.1": { "/": { sid: c("sid", sid), csrf_token: c("csrf_token", csrf) } } }));
' "$SID" "$CSRF" >"$WORK/wapiti-cookies.json"
wapiti -u "$BASE/" --scope domain -m "$MODULES" --flush-session --max-scan-time 600 \
  -c "$WORK/wapiti-cookies.json" \
  -s "$BASE/api/v1/companies/$COMPANY/numbers?q=0542&status=active" \
  -s "$BASE/api/v1/companies/$COMPANY/numbers/77010542001" \
  -s "$BASE/api/v1/announcement" -s "$BASE/dev/outbox" -s "$BASE/login" \
  -f txt -o "$OUT/wapiti.txt" >"$OUT/wapiti.log" 2>&1 || true
# The txt report lists each category with its findings; count the lines under the vulnerability sections.
node -e '
  const t = require("fs").readFileSync(process.argv[1], "utf8");
  const vulns = [...t.matchAll(/^(.+)\n-{5,}\n([\s\S]*?)(?=\n\S.*\n-{5,}|\n\*{5,}|$)/gm)];
  const found = t.match(/^(\w[\w ()-]*)\s*:\s*(\d+)$/gm) || [];
  console.log("    summary:", found.filter(l => !/: 0$/.test(l)).join("; ") || "no finding");
  process.exit(found.some(l => !/: 0$/.test(l)) ? 1 : 0);
' "$OUT/wapiti.txt" || findings=$((findings + 1))

echo "=== security scan: $findings finding(s); logs in $OUT"
[ "$findings" -eq 0 ]
