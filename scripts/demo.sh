#!/usr/bin/env bash
# Drives the sample shop through whole order lives with curl, then checks at the local Youshu simulator
# both halves of what the starter reported: the behaviour events (custom_order, coupon_order) and the
# backend order data (data-api: each order's last status and status history, the return order, the
# daily totals). Needs only bash, curl, grep, sed, sort and tr. Start the sample first (see README):
#   ./mvnw -B -q -pl youshu-sample-app -am -Dmaven.test.skip=true package
#   java -jar youshu-sample-app/target/youshu-sample-app-0.1.0-SNAPSHOT.jar
# Exits non-zero when anything of this run is missing or wrong at the simulator.
set -euo pipefail

SHOP=${SHOP:-http://127.0.0.1:8080}
SIMULATOR=${SIMULATOR:-http://127.0.0.1:8089}
OPEN_ID=${OPEN_ID:-oDemoUser$(date +%s)}
WAIT_SECONDS=${WAIT_SECONDS:-20}

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

# post PATH [JSON]: prints the response body; fails (with the shop's reason) on an HTTP error.
post() {
  local body=() response status
  if [ $# -ge 2 ]; then body=(-d "$2"); fi
  response=$(curl -sS -X POST "${headers[@]}" ${body[@]+"${body[@]}"} -w '\n%{http_code}' "$SHOP$1")
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  if [ "${status:0:1}" != 2 ]; then
    echo "POST $1 answered HTTP $status: $response" >&2
    exit 1
  fi
  printf '%s' "$response"
}
# json_field NAME: the last string value of "NAME" in the JSON on stdin.
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
get() { curl -sS "$1"; }

two_lines='{"lines":[{"skuId":"SKU-TEE-WHITE-M","quantity":1},{"skuId":"SKU-SOCKS-GREY","quantity":2}],"couponId":"CPN-10-OFF"}'

echo "== order 1: two lines and a coupon, paid with WeChat Pay, shipped, received"
delivered=$(post /orders "$two_lines" | json_field id)
post "/orders/$delivered/payment" >/dev/null
post "/orders/$delivered/payment/confirm" >/dev/null
post "/orders/$delivered/ship" >/dev/null
post "/orders/$delivered/complete" >/dev/null
echo "   $delivered"

echo "== order 2: paid, refund asked, goods returned and refunded"
returned=$(post /orders '{"lines":[{"skuId":"SKU-TEE-BLACK-L","quantity":1},{"skuId":"SKU-CAP-NAVY","quantity":1}]}' \
  | json_field id)
post "/orders/$returned/payment" >/dev/null
post "/orders/$returned/payment/confirm" >/dev/null
post "/orders/$returned/refund" >/dev/null
post "/orders/$returned/return" >/dev/null
echo "   $returned"

echo "== order 3: payment sheet opened and closed, order cancelled"
cancelled=$(post /orders '{"lines":[{"skuId":"SKU-CAP-NAVY","quantity":1}]}' | json_field id)
post "/orders/$cancelled/payment" >/dev/null
post "/orders/$cancelled/payment/close" >/dev/null
post "/orders/$cancelled/cancel" >/dev/null
echo "   $cancelled"

echo "== two coupons bought (coupon_order)"
coupon=$(post /coupons '{"batchId":"BATCH-2026-11","quantity":2,"price":9.90}' | json_field orderId)
echo "   $coupon"

# The daily totals' requests already at the simulator: the one this run triggers is a new one.
daily_totals_before=$(get "$SIMULATOR/simulator/daily-totals" | grep -o '"requestId":"[^"]*"' || true)
zone=$(get "$SHOP/actuator/youshudailytotals" | json_field zone)
today=$(TZ=${zone:-Asia/Shanghai} date +%F)
echo "== today's totals ($today, $zone) sent now: POST $SHOP/actuator/youshudailytotals/$today"
post "/actuator/youshudailytotals/$today" >/dev/null

# --- what the simulator must hold -------------------------------------------------------------------

# Behaviour events: "orderId status" of each, sorted.
expected_events=$(printf '%s\n' \
  "$delivered give_order" "$delivered pay" "$delivered payed" \
  "$returned give_order" "$returned pay" "$returned payed" "$returned refund" \
  "$cancelled give_order" "$cancelled pay" "$cancelled cancel_pay" "$cancelled cancel_give_order" \
  "$coupon payed" | sort)
# One line per event the simulator received for this run's orders: the event list split at '{' keeps each
# event's verdict (type, orderId, orderStatus, valid, signatureOk, accepted) on one line.
this_run_events() {
  get "$SIMULATOR/simulator/events" | tr '{' '\n' \
    | grep -E "\"orderId\":\"($delivered|$returned|$cancelled|$coupon)\"" || true
}
good_events() {
  this_run_events | grep '"valid":true.*"signatureOk":true.*"accepted":true' \
    | sed -n 's/.*"orderId":"\([^"]*\)".*"orderStatus":"\([^"]*\)".*/\1 \2/p' | sort || true
}
# history ORDER_ID: the statuses the simulator recorded for the order, in arrival order ("1110 1150 ...").
history() {
  get "$SIMULATOR/simulator/orders/$1" | grep -o '"orderStatus":"[0-9]*"' | sed 's/.*:"\([0-9]*\)"/\1/' \
    | tr '\n' ' ' | sed 's/ $//' || true
}
# The daily totals item this run triggered: "requestId …" + its sums, or nothing yet.
new_daily_total() {
  get "$SIMULATOR/simulator/daily-totals" | grep -o '"requestId":"[^"]*","receivedAt":"[^"]*","item":{[^}]*}' \
    | while read -r line; do
        if ! grep -qxF "$(printf '%s' "$line" | grep -o '"requestId":"[^"]*"')" <<<"$daily_totals_before"; then
          printf '%s\n' "$line"
        fi
      done || true
}
number_field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }

# check: fills $problems with everything missing or wrong (empty when all is there).
check() {
  problems=""
  local got received h order returns total placed paid
  got=$(good_events)
  if [ "$got" != "$expected_events" ]; then
    problems+="  behaviour events: expected (valid, signed, accepted)"$'\n'"$(sed 's/^/      /' <<<"$expected_events")"$'\n'
    received=$(this_run_events | sed -n 's/.*"orderId":"\([^"]*\)".*"orderStatus":"\([^"]*\)".*"valid":\([a-z]*\).*"signatureOk":\([a-z]*\).*"accepted":\([a-z]*\).*/      \1 \2 valid=\3 signature_ok=\4 accepted=\5/p')
    problems+="    received"$'\n'"${received:-      (none)}"$'\n'
  fi
  for expected in "$delivered:1110 1150 1160 1180" "$returned:1110 1150 1280 1290" "$cancelled:1110 1130"; do
    h=$(history "${expected%%:*}")
    if [ "$h" != "${expected#*:}" ]; then
      problems+="  order ${expected%%:*}: status history '${h}', expected '${expected#*:}'"$'\n'
    fi
  done
  order=$(get "$SIMULATOR/simulator/orders/$delivered")
  if grep -q '"outOfOrder":true' <<<"$order"; then
    problems+="  order $delivered: a status arrived out of order"$'\n'
  fi
  if [ "$(grep -o '"external_sku_id"' <<<"$order" | wc -l | tr -d ' ')" != 2 ] \
      || ! grep -q '"coupon_amount_total":10' <<<"$order" || ! grep -q '"payment_type":"00009"' <<<"$order"; then
    problems+="  order $delivered: add_order should carry 2 goods lines, the 10.00 coupon and WeChat Pay (00009)"$'\n'
  fi
  returns=$(get "$SIMULATOR/simulator/return-orders")
  if ! grep -q "\"external_order_id\":\"$returned\"[^}]*\"return_order_status\":\"1290\"" <<<"$returns"; then
    problems+="  return order of $returned (return_order/add, 1290): missing"$'\n'
  fi
  total=$(new_daily_total | tail -n 1)
  if [ -z "$total" ]; then
    problems+="  daily totals of $today (order/add_order_sum): none arrived since the trigger"$'\n'
  elif placed=$(number_field give_order_num_sum <<<"$total") paid=$(number_field payed_num_sum <<<"$total") \
      && { [ "${placed:-0}" -lt 3 ] || [ "${paid:-0}" -lt 2 ]; }; then
    problems+="  daily totals of $today: at least 3 orders placed and 2 paid today expected, got ${total#*\"item\":}"$'\n'
  fi
}

echo "== waiting up to ${WAIT_SECONDS}s for the simulator to hold all of this run"
deadline=$((SECONDS + WAIT_SECONDS))
while :; do
  check
  [ -z "$problems" ] && break
  [ "$SECONDS" -ge "$deadline" ] && break
  sleep 0.5
done

echo "== behaviour events (order  status: valid, signed, accepted):"
good_events | sed 's/^/   /'
echo "== backend orders at $SIMULATOR/simulator/orders/{id}  (status history, oldest first):"
for order in "$delivered" "$returned" "$cancelled"; do
  echo "   $order  $(history "$order" | sed 's/ / -> /g')"
done
echo "== return orders of $returned:"
get "$SIMULATOR/simulator/return-orders" | grep -o "\"external_return_order_id\":\"[^\"]*\",\"external_order_id\":\"$returned\"" \
  | sed 's/"external_return_order_id":"\([^"]*\)".*/   \1  status 1290/' || true
echo "== daily totals of $today:"
new_daily_total | tail -n 1 | sed 's/.*"item":{\(.*\)}/   \1/'

if [ -n "$problems" ]; then
  echo "== MISSING OR WRONG after ${WAIT_SECONDS}s:" >&2
  printf '%s' "$problems" >&2
  echo "See $SIMULATOR/simulator (the requests table shows why a request was refused)." >&2
  exit 1
fi
echo "== all checked: 12 events, 3 order histories, 1 return order, the daily totals"
echo "Open $SIMULATOR/simulator#order-$delivered in a browser for the order and its history."
