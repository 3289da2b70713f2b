#!/usr/bin/env bash
# Accord's production topology on one machine, as separate processes: PostgreSQL (owner and application roles), an
# Artemis primary/backup pair replicating a persistent journal over TLS, the OpenID Connect provider of
# deploy/identity-provider, two gateways with the prod profile and non-demo keys, HAProxy in front of them
# health-checking readiness, and an HTTPS partner stub (mutual TLS) that a pushed flow delivers to.
#
#   deploy/local/cluster.sh up | down | status | kill-gateway N | restart-gateway N | kill-broker-primary | restart-broker-primary
#
# Everything it makes (keys, secrets, data, logs) is under ACCORD_CLUSTER_DIR (/tmp/accord-cluster); `down` stops every
# process and keeps it, `down --purge` removes it. Needs: java 17, openssl, Debian's postgresql and haproxy, the
# Artemis distribution (fetched from Maven Central into the folder), and the jars `./mvnw package` builds. The
# gateways run on ACCORD_GATEWAY_JAVA if set, else on a Java 25 or later found under /usr/lib/jvm (it starts them
# from an ahead-of-time cache: docs/startup.md), else on java.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
state=${ACCORD_CLUSTER_DIR:-/tmp/accord-cluster}
artemis_version=2.44.0
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

# Ports, all on the loopback address.
pg_port=15432
broker_ports=(61616 61617)          # primary, backup
idp_port=19000
gateway_ports=(18081 18082)
lb_port=18443
stub_port=18543

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() {   # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$what did not come up within ${seconds}s"
    sleep 0.5
  done
}

secret() {   # name: a random secret made once and kept in the state folder
  local file="$state/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$state/secrets"
    (umask 077; openssl rand -hex 24 > "$file")
  fi
  cat "$file"
}

# ---------------------------------------------------------------------------------------------------------------
# Key material: a CA for the cluster, the gateway's signing key, each partner's key, TLS for the broker pair, the
# load balancer, the identity provider and the partner stub. None of it is demo material: the gateways run prod.

issue() {   # name, subject CN, usage (sign|tls-server|tls-client|partner), [SAN]
  local name=$1 cn=$2 usage=$3 san=${4:-}
  local dir="$state/pki"
  [ -s "$dir/$name.crt" ] && return 0
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$name.key" 2>/dev/null
  chmod 600 "$dir/$name.key"
  openssl req -new -key "$dir/$name.key" -subj "/O=Accord local cluster/CN=$cn" -out "$dir/$name.csr"
  local ext="$dir/$name.ext"
  case $usage in
    sign)       printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,keyAgreement\n' > "$ext" ;;
    partner)    printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=clientAuth\n' > "$ext" ;;
    tls-server) printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$san" > "$ext" ;;
    tls-client) printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=clientAuth\n' > "$ext" ;;
  esac
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 365 -sha256 \
      -extfile "$ext" -out "$dir/$name.crt" 2>/dev/null
  rm -f "$dir/$name.csr" "$dir/$name.ext"
}

make_pki() {
  local dir="$state/pki"
  mkdir -p "$dir"
  if [ ! -s "$dir/ca.crt" ]; then
    log "making the cluster's key material in $dir"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key" 2>/dev/null
    chmod 600 "$dir/ca.key"
    openssl req -x509 -new -key "$dir/ca.key" -subj "/O=Accord local cluster/CN=Accord local cluster CA" -days 365 -sha256 \
        -addext "basicConstraints=critical,CA:true,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$dir/ca.crt"
  fi
  issue gateway "uni-northbridge gateway" sign
  for partner in ctp-nw-prevent la-northbridge-channel uni-eastmoor; do issue "$partner" "$partner" partner; done
  issue broker "Accord broker pair" tls-server "IP:127.0.0.1,DNS:localhost"
  issue idp "Accord identity provider" tls-server "IP:127.0.0.1,DNS:localhost"
  issue lb "Accord gateways (load balancer)" tls-server "IP:127.0.0.1,DNS:localhost"
  issue partner-stub "uni-eastmoor inbound" tls-server "IP:127.0.0.1,DNS:localhost"
  issue gateway-tls "uni-northbridge gateway (TLS client)" tls-client
  local pass; pass=$(secret store-password)
  if [ ! -s "$dir/truststore.p12" ]; then
    keytool -importcert -noprompt -alias accord-cluster-ca -file "$dir/ca.crt" -keystore "$dir/truststore.p12" \
        -storetype PKCS12 -storepass "$pass" >/dev/null 2>&1
    openssl pkcs12 -export -in "$dir/broker.crt" -inkey "$dir/broker.key" -certfile "$dir/ca.crt" -name broker \
        -out "$dir/broker.p12" -passout "pass:$pass"
    openssl pkcs12 -export -in "$dir/idp.crt" -inkey "$dir/idp.key" -certfile "$dir/ca.crt" -name idp \
        -out "$dir/idp.p12" -passout "pass:$pass"
    cat "$dir/lb.crt" "$dir/ca.crt" "$dir/lb.key" > "$dir/lb.pem"
    chmod 600 "$dir/lb.pem" "$dir/broker.p12" "$dir/idp.p12"
  fi
}

sign_agreements() {   # folder: each signatory of each agreement signs its exact file (the prod profile requires it)
  local folder=$1 dir="$state/pki/signatories"
  mkdir -p "$dir"
  if [ ! -s "$dir/ca.crt" ]; then
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key" 2>/dev/null
    chmod 600 "$dir/ca.key"
    openssl req -x509 -new -key "$dir/ca.key" -subj "/O=Accord local cluster/CN=Accord local cluster signatory CA" \
        -days 365 -sha256 -addext "basicConstraints=critical,CA:true,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$dir/ca.crt"
  fi
  local file id version org name who
  for file in "$folder"/*.yaml; do
    [ "$(basename "$file")" = organisations.yaml ] && continue
    id=$(sed -n 's/^id: *//p' "$file" | head -1)
    version=$(sed -n 's/^version: *//p' "$file" | head -1)
    # The signatories list, one flow-style entry a line: organisation first, then name (docs/agreement-documents.md).
    awk '/^signatories:/{s=1;next} /^[^ #]/{s=0} s && /organisation:/' "$file" \
      | sed -n 's/^ *- *{ *organisation: *\([^,]*\), *name: *\([^,]*\),.*/\1|\2/p' \
      | while IFS='|' read -r org name; do
          who="$dir/$org-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-')"
          if [ ! -s "$who.crt" ]; then   # a certificate naming the signatory: CN their name, O their organisation's id
            openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$who.key" 2>/dev/null
            chmod 600 "$who.key"
            openssl req -new -key "$who.key" -subj "/O=$org/CN=$name" -out "$who.csr"
            printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\n' > "$who.ext"
            openssl x509 -req -in "$who.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 365 -sha256 \
                -extfile "$who.ext" -out "$who.crt" 2>/dev/null
            rm -f "$who.csr" "$who.ext"
          fi
          openssl cms -sign -binary -in "$file" -signer "$who.crt" -inkey "$who.key" -outform DER \
              -out "$folder/$id.v$version.$org.p7s"
        done
  done
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL: a cluster of its own, the roles and database of docs/operations.md.

pg_ctl() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$state/postgres/data" "$@"; }

start_postgres() {
  [ -n "$pg_bin" ] || die "PostgreSQL is not installed (apt-get install postgresql)"
  mkdir -p "$state/postgres"
  chown postgres "$state/postgres"
  if [ ! -s "$state/postgres/data/PG_VERSION" ]; then
    log "initialising PostgreSQL"
    local pwfile="$state/postgres/pwfile"
    (umask 077; secret postgres-password > "$pwfile")
    chown postgres "$pwfile"
    runuser -u postgres -- "$pg_bin/initdb" -D "$state/postgres/data" -U postgres -A scram-sha-256 --pwfile="$pwfile" >/dev/null
    rm -f "$pwfile"
    first=1
  fi
  if ! pg_ctl status >/dev/null 2>&1; then
    pg_ctl -l "$state/postgres/postgres.log" -o "-p $pg_port -k $state/postgres -c listen_addresses=127.0.0.1" -w start >/dev/null
  fi
  if [ "${first:-0}" = 1 ]; then
    PGPASSWORD=$(secret postgres-password) psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 \
        -c "create role accord_owner login password '$(secret db-owner-password)'" \
        -c "create role accord_app login password '$(secret db-app-password)'"
    PGPASSWORD=$(secret postgres-password) psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 \
        -c "create database accord owner accord_owner"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Artemis: a replicated primary/backup pair from deploy/artemis/broker.xml.

artemis_home() {
  local home="$state/artemis/apache-artemis-$artemis_version"
  if [ ! -x "$home/bin/artemis" ]; then
    log "fetching the Artemis $artemis_version distribution from Maven Central"
    mkdir -p "$state/artemis"
    "$repo/mvnw" -B -ntp -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:$artemis_version:zip:bin" \
        -DoutputDirectory="$state/artemis" >&2
    (cd "$state/artemis" && unzip -q -o "apache-artemis-$artemis_version-bin.zip")
  fi
  echo "$home"
}

create_broker() {   # role (primary|backup), index
  local role=$1 i=$2 dir="$state/broker-$1"
  [ -f "$dir/etc/broker.xml" ] && return 0
  local home; home=$(artemis_home)
  local peer=$(( 1 - i ))
  log "creating the Artemis $role"
  "$home/bin/artemis" create "$dir" --silent --user gateway --password "$(secret broker-password)" --require-login \
      --host 127.0.0.1 --no-autotune --no-web --replicated --cluster-user accord-pair \
      --cluster-password "$(secret broker-cluster-password)" >/dev/null
  local policy
  if [ "$role" = primary ]; then
    policy='            <primary>
               <vote-on-replication-failure>false</vote-on-replication-failure>
               <check-for-active-server>true</check-for-active-server>
            </primary>'
  else
    policy='            <backup>
               <allow-failback>true</allow-failback>
            </backup>'
  fi
  ROLE_POLICY=$policy awk -v name="accord-$role" -v port="${broker_ports[$i]}" -v peer="${broker_ports[$peer]}" \
      -v keystore="$state/pki/broker.p12" -v truststore="$state/pki/truststore.p12" -v pass="$(secret store-password)" \
      -v cuser=accord-pair -v cpass="$(secret broker-cluster-password)" '
      { gsub(/@NAME@/, name); gsub(/@HOST@/, "127.0.0.1"); gsub(/@PORT@/, port); gsub(/@PEER_PORT@/, peer);
        gsub(/@KEYSTORE@/, keystore); gsub(/@TRUSTSTORE@/, truststore); gsub(/@STORE_PASSWORD@/, pass);
        gsub(/@CLUSTER_USER@/, cuser); gsub(/@CLUSTER_PASSWORD@/, cpass);
        if ($0 ~ /@HA_POLICY@/) { print ENVIRON["ROLE_POLICY"]; next } print }' \
      "$repo/deploy/artemis/broker.xml" > "$dir/etc/broker.xml"
  chmod 600 "$dir/etc/broker.xml"
}

start_broker() {   # role
  local role=$1 dir="$state/broker-$1"
  pid_alive "$dir/broker.pid" && return 0
  log "starting the Artemis $role"
  nohup "$dir/bin/artemis" run >> "$dir/broker.log" 2>&1 &
  echo $! > "$dir/broker.pid"
}

broker_active() {   # role: whether it accepts clients (a backup listens only once active)
  local i=0; [ "$1" = backup ] && i=1
  (exec 3<>"/dev/tcp/127.0.0.1/${broker_ports[$i]}") 2>/dev/null
}

# ---------------------------------------------------------------------------------------------------------------
# The identity provider: deploy/identity-provider, issuing the clients' tokens.

idp_jar() { ls "$repo"/deploy/identity-provider/target/accord-identity-provider.jar 2>/dev/null; }

write_idp_config() {
  local file="$state/idp/clients.yml"
  mkdir -p "$state/idp"
  [ -s "$file" ] && return 0
  log "writing the identity provider's clients and users (secrets in $state/secrets)"
  "$here/idp-clients.sh" "$state" "$(idp_jar)" "https://127.0.0.1:$lb_port" "http://127.0.0.1:${gateway_ports[0]}" \
      "http://127.0.0.1:${gateway_ports[1]}" > "$file.partial"
  chmod 600 "$file.partial"
  mv "$file.partial" "$file"
}

start_idp() {
  local dir="$state/idp"
  pid_alive "$dir/idp.pid" && return 0
  [ -n "$(idp_jar)" ] || die "build the identity provider first: ./mvnw -pl deploy/identity-provider -am package -DskipTests"
  write_idp_config
  log "starting the identity provider on https://127.0.0.1:$idp_port"
  nohup java -Xmx256m -jar "$(idp_jar)" --server.port="$idp_port" --server.address=127.0.0.1 \
      --spring.config.additional-location="file:$dir/clients.yml" \
      --spring.security.oauth2.authorizationserver.issuer="https://127.0.0.1:$idp_port" \
      --server.ssl.bundle=idp --spring.ssl.bundle.jks.idp.keystore.location="file:$state/pki/idp.p12" \
      --spring.ssl.bundle.jks.idp.keystore.password="$(secret store-password)" --spring.ssl.bundle.jks.idp.keystore.type=PKCS12 \
      --accord-idp.signing-key="$dir/token-signing.jwk.json" \
      >> "$dir/idp.log" 2>&1 &
  echo $! > "$dir/idp.pid"
}

# ---------------------------------------------------------------------------------------------------------------
# The gateways: the prod profile, one configuration, each its own port, data folder and broker-client settings.

gateway_jar() { ls "$repo"/gateway/target/accord-gateway-*-exec.jar 2>/dev/null | head -1; }

gateway_java() {   # the gateways' runtime: ACCORD_GATEWAY_JAVA, else a Java 25 or later under /usr/lib/jvm, else java
  if [ -n "${ACCORD_GATEWAY_JAVA:-}" ]; then echo "$ACCORD_GATEWAY_JAVA"; return; fi
  local home version
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [ "${version:-0}" -ge 25 ]; then echo "${home%/}/bin/java"; return; fi
  done
  command -v java
}

prepare_gateway_runtime() {
  local jar; jar=$(gateway_jar)
  [ -n "$jar" ] || die "build the gateway first: ./mvnw -pl gateway -am package -DskipTests"
  local runtime="$state/gateway-runtime" java; java=$(gateway_java)
  # The cache belongs to one runtime and one jar: made again when either changes.
  if [ ! -s "$runtime/accord-gateway.args" ] || [ "$jar" -nt "$runtime/accord-gateway.args" ] \
      || [ "$(cat "$runtime/java" 2>/dev/null)" != "$java" ]; then
    log "extracting the gateway jar and recording its start cache for $java"
    JAVA="$java" "$repo/deploy/jvm/class-data-archive.sh" "$jar" "$runtime" >&2
    printf '%s\n' "$java" > "$runtime/java"
  fi
}

write_gateway_config() {
  local dir="$state/gateway"
  mkdir -p "$dir/secrets/spring/datasource" "$dir/secrets/spring/flyway" "$dir/secrets/spring/artemis" "$dir/keys" \
           "$dir/secrets/spring/security/oauth2/client/registration/accord"
  (umask 077
   printf '%s' "$(secret client-accord-console)" > "$dir/secrets/spring/security/oauth2/client/registration/accord/client-secret"
   printf '%s' "$(secret db-app-password)" > "$dir/secrets/spring/datasource/password"
   printf '%s' "$(secret db-owner-password)" > "$dir/secrets/spring/flyway/password"
   printf '%s' "$(secret broker-password)" > "$dir/secrets/spring/artemis/password")
  # The keys of subject references and pseudonyms: one copy for every gateway.
  [ -s "$dir/keys/subject.secret" ] || (umask 077; openssl rand -base64 32 > "$dir/keys/subject.secret")
  [ -s "$dir/keys/pseudonym.secret" ] || (umask 077; openssl rand -base64 32 > "$dir/keys/pseudonym.secret")
  # The agreements in force: the shipped ones, with the pushed flow to uni-eastmoor pointed at the partner stub (and,
  # that demo agreement having run out, in force for this cluster's lifetime).
  rm -rf "$dir/agreements"
  cp -r "$repo/agreements" "$dir/agreements"
  sed -i -e "s#https://accord.eastmoor.example/inbound#https://127.0.0.1:$stub_port/inbound#" \
      -e "s#^expires: 2026-07-31#expires: $(date -u -d '+2 years' +%F)#" -e "s#^nextReview: 2026-06-30#nextReview: $(date -u -d '+1 year' +%F)#" \
      "$dir/agreements/isa-northbridge-eastmoor-transfers.yaml"
  # The prod profile loads only agreements every signatory has signed: sign the edited files as the signatories would.
  sign_agreements "$dir/agreements"
  local pass; pass=$(secret store-password)
  local trust="$state/pki/truststore.p12"
  cat > "$dir/application-prod.yml" <<YAML
# Written by deploy/local/cluster.sh: the local topology's gateway configuration (passwords come from files in
# accord.secrets-dir, as a platform mounts secrets).
accord:
  institution: uni-northbridge
  pki:
    signing-key: $state/pki/gateway.key
    signing-certificate: $state/pki/gateway.crt
    trust-anchors: [ $state/pki/ca.crt ]
  partners:
    ctp-nw-prevent:
      name: Counter Terrorism Policing North West, Prevent team
      encryption-certificate: $state/pki/ctp-nw-prevent.crt
      signature-certificates: [ $state/pki/ctp-nw-prevent.crt ]
    la-northbridge-channel:
      name: Northbridge City Council, Channel panel
      encryption-certificate: $state/pki/la-northbridge-channel.crt
      signature-certificates: [ $state/pki/la-northbridge-channel.crt ]
    uni-eastmoor:
      name: Eastmoor University
      encryption-certificate: $state/pki/uni-eastmoor.crt
      signature-certificates: [ $state/pki/uni-eastmoor.crt ]
    uni-northbridge:
      name: University of Northbridge
      encryption-certificate: $state/pki/gateway.crt
  delivery:
    https:
      uni-eastmoor: { tls-bundle: partner-stub }
  security:
    clients:
      northbridge-case-management: uni-northbridge/safeguarding-lead
      ctp-nw-prevent: ctp-nw-prevent
      accord-dpo: uni-northbridge
  agreements:
    directory: $dir/agreements
    signatory-trust-anchors: $state/pki/signatories/ca.crt
  schemas:
    directory: $repo/schemas
  audit:
    subject-secret-file: $dir/keys/subject.secret
  pseudonym:
    secret-file: $dir/keys/pseudonym.secret
spring:
  ssl:
    bundle:
      pem:
        partner-stub:
          keystore:
            certificate: file:$state/pki/gateway-tls.crt
            private-key: file:$state/pki/gateway-tls.key
          truststore:
            certificate: file:$state/pki/ca.crt
  datasource:
    url: jdbc:postgresql://127.0.0.1:$pg_port/accord
    username: accord_app
  flyway:
    user: accord_owner
    locations: classpath:db/migration,classpath:db/postgresql
    placeholders: { app_role: accord_app }
  artemis:
    mode: native
    broker-url: "(tcp://127.0.0.1:${broker_ports[0]},tcp://127.0.0.1:${broker_ports[1]})?ha=true&reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5&maxRetryInterval=2000&initialConnectAttempts=10&sslEnabled=true&trustStorePath=$trust&trustStorePassword=$pass&trustStoreType=PKCS12"
    user: gateway
  security:
    oauth2:
      resourceserver:
        jwt:
          issuer-uri: https://127.0.0.1:$idp_port
      client:
        registration:
          accord:
            client-id: accord-console
            authorization-grant-type: authorization_code
            redirect-uri: "{baseUrl}/login/oauth2/code/accord"
            scope: [ openid, profile ]
        provider:
          accord:
            issuer-uri: https://127.0.0.1:$idp_port
YAML
  chmod 600 "$dir/application-prod.yml"
}

start_gateway() {   # N (1 or 2)
  local n=$1 i=$(( $1 - 1 )) dir="$state/gateway-$1"
  pid_alive "$dir/gateway.pid" && return 0
  mkdir -p "$dir/data"
  log "starting gateway $n on http://127.0.0.1:${gateway_ports[$i]}"
  local runtime="$state/gateway-runtime"
  nohup "$(cat "$runtime/java")" -Xmx512m -XX:+UseParallelGC @"$runtime/accord-gateway.args" \
      -Djavax.net.ssl.trustStore="$state/pki/truststore.p12" -Djavax.net.ssl.trustStorePassword="$(secret store-password)" \
      -Djavax.net.ssl.trustStoreType=PKCS12 \
      -jar "$runtime/accord-gateway.jar" --spring.profiles.active=prod \
      --spring.config.additional-location="file:$state/gateway/application-prod.yml" \
      --server.port="${gateway_ports[$i]}" --server.address=127.0.0.1 --accord.data-dir="$dir/data" \
      --accord.secrets-dir="$state/gateway/secrets" \
      >> "$dir/gateway.log" 2>&1 &
  echo $! > "$dir/gateway.pid"
}

gateway_ready() { curl -sf "http://127.0.0.1:${gateway_ports[$(( $1 - 1 ))]}/actuator/health/readiness" >/dev/null; }

# ---------------------------------------------------------------------------------------------------------------
# HAProxy in front of the gateways, and the partner stub a pushed flow delivers to.

start_lb() {
  local dir="$state/haproxy"
  mkdir -p "$dir"
  pid_alive "$dir/haproxy.pid" && return 0
  command -v haproxy >/dev/null || die "HAProxy is not installed (apt-get install haproxy)"
  sed -e "s#@LB_PORT@#$lb_port#g" -e "s#@LB_PEM@#$state/pki/lb.pem#g" \
      -e "s#@GATEWAY1@#127.0.0.1:${gateway_ports[0]}#g" -e "s#@GATEWAY2@#127.0.0.1:${gateway_ports[1]}#g" \
      "$here/haproxy.cfg" > "$dir/haproxy.cfg"
  log "starting HAProxy on https://127.0.0.1:$lb_port"
  haproxy -f "$dir/haproxy.cfg" -D -p "$dir/haproxy.pid"
}

start_stub() {
  local dir="$state/partner-stub"
  mkdir -p "$dir"
  pid_alive "$dir/stub.pid" && return 0
  log "starting the partner stub on https://127.0.0.1:$stub_port (mutual TLS)"
  nohup java "$here/PartnerStub.java" "$stub_port" "$state/pki/partner-stub.crt" "$state/pki/partner-stub.key" \
      "$state/pki/ca.crt" "$dir/received.log" >> "$dir/stub.log" 2>&1 &
  echo $! > "$dir/stub.pid"
}

# ---------------------------------------------------------------------------------------------------------------

stop_pid() {   # pid file, [signal]
  local file=$1 signal=${2:-TERM}
  if pid_alive "$file"; then
    local pid; pid=$(cat "$file")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

up() {
  mkdir -p "$state"
  make_pki
  start_postgres
  create_broker primary 0
  create_broker backup 1
  start_broker primary
  wait_for "the Artemis primary" 90 broker_active primary
  start_broker backup
  start_idp
  start_stub
  prepare_gateway_runtime
  write_gateway_config
  wait_for "the identity provider" 90 curl -sf --cacert "$state/pki/ca.crt" "https://127.0.0.1:$idp_port/.well-known/openid-configuration"
  start_gateway 1
  wait_for "gateway 1" 180 gateway_ready 1
  start_gateway 2
  wait_for "gateway 2" 180 gateway_ready 2
  start_lb
  wait_for "HAProxy" 30 curl -sf --cacert "$state/pki/ca.crt" "https://127.0.0.1:$lb_port/actuator/health/readiness"
  log "up: gateways behind https://127.0.0.1:$lb_port (CA $state/pki/ca.crt), tokens from https://127.0.0.1:$idp_port/oauth2/token"
  status
}

down() {
  stop_pid "$state/haproxy/haproxy.pid"
  stop_pid "$state/gateway-1/gateway.pid"
  stop_pid "$state/gateway-2/gateway.pid"
  stop_pid "$state/partner-stub/stub.pid"
  stop_pid "$state/idp/idp.pid"
  stop_pid "$state/broker-backup/broker.pid"
  stop_pid "$state/broker-primary/broker.pid"
  if [ -n "$pg_bin" ] && [ -d "$state/postgres/data" ]; then pg_ctl -m fast stop >/dev/null 2>&1 || true; fi
  if [ "${1:-}" = --purge ]; then rm -rf "$state"; fi
  log "down"
}

status() {
  line() { printf '%-18s %s\n' "$1" "$2"; }
  if [ -n "$pg_bin" ] && pg_ctl status >/dev/null 2>&1; then line postgres "running on 127.0.0.1:$pg_port"; else line postgres stopped; fi
  for role in primary backup; do
    if pid_alive "$state/broker-$role/broker.pid"; then
      if broker_active "$role"; then line "broker $role" "active"; else line "broker $role" "running, not serving clients"; fi
    else line "broker $role" stopped; fi
  done
  if pid_alive "$state/idp/idp.pid"; then line "identity provider" "running on https://127.0.0.1:$idp_port"; else line "identity provider" stopped; fi
  for n in 1 2; do
    if pid_alive "$state/gateway-$n/gateway.pid"; then
      if gateway_ready "$n"; then line "gateway $n" "ready on 127.0.0.1:${gateway_ports[$(( n - 1 ))]}"; else line "gateway $n" "running, not ready"; fi
    else line "gateway $n" stopped; fi
  done
  if pid_alive "$state/haproxy/haproxy.pid"; then line haproxy "running on https://127.0.0.1:$lb_port"; else line haproxy stopped; fi
  if pid_alive "$state/partner-stub/stub.pid"; then line "partner stub" "running on https://127.0.0.1:$stub_port"; else line "partner stub" stopped; fi
}

case ${1:-} in
  up) up ;;
  down) down "${2:-}" ;;
  status) status ;;
  kill-gateway) [ -n "${2:-}" ] || die "kill-gateway N"; stop_pid "$state/gateway-$2/gateway.pid" KILL; log "gateway $2 killed" ;;
  restart-gateway)
    [ -n "${2:-}" ] || die "restart-gateway N"
    stop_pid "$state/gateway-$2/gateway.pid"; start_gateway "$2"; wait_for "gateway $2" 180 gateway_ready "$2"; log "gateway $2 ready" ;;
  kill-broker-primary) stop_pid "$state/broker-primary/broker.pid" KILL; log "broker primary killed" ;;
  restart-broker-primary) start_broker primary; log "broker primary started (it syncs from the backup, then takes over again)" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
