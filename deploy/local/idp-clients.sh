#!/usr/bin/env bash
# The local topology's identity provider configuration (deploy/identity-provider): its clients with Accord's scopes,
# the console client and a DPO user. Secrets are made once under <state>/secrets (client-<id>, user-<name>); the file
# holds only their bcrypt hashes, made by the provider's own jar.
#
#   deploy/local/idp-clients.sh <state folder> <identity provider jar> <gateway URL>... > clients.yml
set -euo pipefail
state=$1; jar=$2; shift 2

secret() {
  local file="$state/secrets/$1"
  [ -s "$file" ] || (umask 077; mkdir -p "$state/secrets"; openssl rand -hex 24 > "$file")
  cat "$file"
}
hash() { printf '%s\n' "$(secret "$1")" | java -jar "$jar" hash | tail -1; }

cat <<YAML
accord-idp:
  signing-key: $state/idp/token-signing.jwk.json
  access-token-time-to-live: 10m
  roles-claim: roles
  clients:
    northbridge-case-management:          # the University of Northbridge's case-management system
      secret-hash: "$(hash client-northbridge-case-management)"
      scopes: [ "submit:prevent-referral", "submit:safeguarding-concern", "transfers:read", "inbox", "agreements:read" ]
    ctp-nw-prevent:                       # the police Prevent team, collecting from its mailbox
      secret-hash: "$(hash client-ctp-nw-prevent)"
      scopes: [ "mailbox", "submit:referral-outcome", "transfers:read" ]
    accord-dpo:                           # the data protection officer's tools
      secret-hash: "$(hash client-accord-dpo)"
      scopes: [ "audit:read", "agreements:read", "delivery:resend" ]
    accord-monitoring:                    # Prometheus, scraping /actuator/prometheus
      secret-hash: "$(hash client-accord-monitoring)"
      scopes: [ "metrics:read" ]
    uni-northbridge-duty-manager:         # the senior duty manager: emergency disclosures only (docs/emergency.md)
      secret-hash: "$(hash client-uni-northbridge-duty-manager)"
      scopes: [ "emergency:disclose" ]
  console:
    secret-hash: "$(hash client-accord-console)"
    redirect-uris:
YAML
for url in "$@"; do
  printf '      - %s/login/oauth2/code/accord\n' "$url"
done
cat <<YAML
  users:
    dpo:
      password-hash: "$(hash user-dpo)"
      roles: [ DPO ]
YAML
