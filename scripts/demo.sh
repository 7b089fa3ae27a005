#!/usr/bin/env bash
# Drives the sample shop through the whole order life with curl, then shows what the local Youshu
# simulator received. Needs only bash, curl, grep and sed. Start the sample first (see README):
#   ./mvnw -B -q -pl youshu-sample-app -am -Dmaven.test.skip=true package
#   java -jar youshu-sample-app/target/youshu-sample-app-0.1.0-SNAPSHOT.jar
# Exits non-zero unless every event of this run arrived valid, signed and accepted.
set -euo pipefail

SHOP=${SHOP:-http://127.0.0.1:8080}
SIMULATOR=${SIMULATOR:-http://127.0.0.1:8089}
OPEN_ID=${OPEN_ID:-oDemoUser$(date +%s)}
WAIT_SECONDS=${WAIT_SECONDS:-15}

for url in "$SHOP/actuator/health" "$SIMULATOR/simulator/events"; do
  if ! curl -sS -o /dev/null "$url" 2>/dev/null; then
    echo "Nothing answers at $url: start the sample first:" >&2
    echo "  ./mvnw -B -q -pl youshu-sample-app -am -Dmaven.test.skip=true package" >&2
    echo "  java -jar youshu-sample-app/target/youshu-sample-app-0.1.0-SNAPSHOT.jar" >&2
    exit 1
  fi
done

# What the mini-program's wx.request wrapper sends with every call (README: "Request context").
headers=(-H "Content-Type: application/json"
         -H "X-Youshu-Open-Id: ${OPEN_ID}"
         -H "X-Youshu-Page: pages/order/confirm"
         -H "X-Youshu-Scene: 1089")

# post PATH [JSON]: prints the response body; fails on an HTTP error.
post() {
  local body=()
  if [ $# -ge 2 ]; then body=(-d "$2"); fi
  curl -sS -f -X POST "${headers[@]}" ${body[@]+"${body[@]}"} "$SHOP$1"
}
# json_field NAME: the first string value of "NAME" in the JSON on stdin.
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

echo "== place an order (give_order), pay it (pay, payed), ask for a refund (refund)"
first=$(post /orders '{"total":128.00,"payable":99.90}' | json_field id)
post "/orders/$first/payment" >/dev/null
post "/orders/$first/payment/confirm" >/dev/null
post "/orders/$first/refund" >/dev/null
echo "   order $first"

echo "== place an order, open and close the payment sheet (pay, cancel_pay), cancel it (cancel_give_order)"
second=$(post /orders '{"total":45.50,"payable":45.50}' | json_field id)
post "/orders/$second/payment" >/dev/null
post "/orders/$second/payment/close" >/dev/null
post "/orders/$second/cancel" >/dev/null
echo "   order $second"

echo "== buy two coupons (coupon_order)"
coupon=$(post /coupons '{"batchId":"BATCH-2026-11","quantity":2,"price":9.90}' | json_field orderId)
echo "   coupon order $coupon"

# One line per event the simulator received for this run's orders: the event list split at '{' keeps
# each event's verdict (type, orderId, orderStatus, valid, signatureOk, accepted) on one line.
this_run() {
  curl -sS "$SIMULATOR/simulator/events" | tr '{' '\n' | grep -E "\"orderId\":\"($first|$second|$coupon)\"" || true
}

expected=9
echo "== waiting up to ${WAIT_SECONDS}s for the simulator to accept the $expected events of this run"
deadline=$((SECONDS + WAIT_SECONDS))
while :; do
  got=$(this_run | grep -c '"accepted":true' || true)
  [ "$got" -ge "$expected" ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "   only $got of $expected accepted so far" >&2
    break
  fi
  sleep 0.2
done

echo "== what the simulator received (type, order_status, order_id, verdict):"
lines=$(this_run)
echo "$lines" \
  | sed -n 's/.*"type":"\([^"]*\)".*"orderId":"\([^"]*\)".*"orderStatus":"\([^"]*\)".*"valid":\([a-z]*\).*"signatureOk":\([a-z]*\).*"accepted":\([a-z]*\).*/  \1  \3  \2  valid=\4  signature_ok=\5  accepted=\6/p'

good=$(echo "$lines" | grep -c '"valid":true.*"signatureOk":true.*"accepted":true' || true)
total=$(echo "$lines" | grep -c '"orderId"' || true)
echo "== $good of $expected expected events arrived valid, signed and accepted ($total received for this run)"
echo "Open $SIMULATOR/simulator in a browser for the table."
[ "$good" -eq "$expected" ] && [ "$total" -eq "$expected" ]
