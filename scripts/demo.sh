#!/usr/bin/env bash
# Drives the sample shop through the whole order life with curl, then shows what the local Youshu
# simulator received. Start the sample first (see README):
#   ./mvnw -B -pl youshu-sample-app -am -DskipTests compile spring-boot:run
set -euo pipefail

SHOP=${SHOP:-http://127.0.0.1:8080}
SIMULATOR=${SIMULATOR:-http://127.0.0.1:8089}
OPEN_ID=${OPEN_ID:-oDemoUser$(date +%s)}

# What the mini-program's wx.request wrapper sends with every call (README: "Request context").
headers=(-H "Content-Type: application/json"
         -H "X-Youshu-Open-Id: ${OPEN_ID}"
         -H "X-Youshu-Page: pages/order/confirm"
         -H "X-Youshu-Scene: 1089")

post() { curl -sS -f -X POST "${headers[@]}" "$SHOP$1" ${2:+-d "$2"}; }
order_id() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p'; }

echo "== place an order (give_order), pay it (pay, payed), ask for a refund (refund)"
first=$(post /orders '{"total":128.00,"payable":99.90}' | order_id)
post "/orders/$first/payment" >/dev/null
post "/orders/$first/payment/confirm" >/dev/null
post "/orders/$first/refund" >/dev/null
echo "   order $first"

echo "== place an order, open and close the payment sheet (pay, cancel_pay), cancel it (cancel_give_order)"
second=$(post /orders '{"total":45.50,"payable":45.50}' | order_id)
post "/orders/$second/payment" >/dev/null
post "/orders/$second/payment/close" >/dev/null
post "/orders/$second/cancel" >/dev/null
echo "   order $second"

echo "== buy two coupons (coupon_order)"
post /coupons '{"batchId":"BATCH-2026-11","quantity":2,"price":9.90}' >/dev/null

expected=10
echo "== waiting for the simulator to receive $expected events from this run"
for _ in $(seq 1 50); do
  got=$(curl -sS "$SIMULATOR/simulator/events" | grep -o "\"$OPEN_ID\"" | wc -l || true)
  [ "$got" -ge "$expected" ] && break
  sleep 0.2
done

echo "== what the simulator received (type, order_status, order_id, valid, signature_ok):"
curl -sS "$SIMULATOR/simulator/events" \
  | tr '{' '\n' \
  | grep -E "\"($first|$second|CO[0-9a-f]+)\"" \
  | sed -n 's/.*"type":"\([^"]*\)".*"orderId":"\([^"]*\)".*"orderStatus":"\([^"]*\)".*"valid":\([a-z]*\).*"signatureOk":\([a-z]*\).*/  \1  \3  \2  valid=\4  signature_ok=\5/p'
echo "Open $SIMULATOR/simulator in a browser for the table."
