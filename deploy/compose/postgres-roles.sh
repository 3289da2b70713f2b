#!/bin/bash
# Run once by the postgres image, on an empty data folder (/docker-entrypoint-initdb.d): Accord's two roles and its
# database, as docs/operations.md ("Set up PostgreSQL roles and grants") makes them. The gateways migrate as
# accord_owner and run as accord_app; the grants follow from Flyway's after-migrate callback. The passwords are the
# secret files compose mounts, the same files the gateways read.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set owner_password="$(cat /run/secrets/flyway-password)" \
    --set app_password="$(cat /run/secrets/datasource-password)" <<'SQL'
CREATE ROLE accord_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE accord_app LOGIN PASSWORD :'app_password';
CREATE DATABASE accord OWNER accord_owner;
SQL
