#!/bin/sh
# Run once by the postgres image when it initialises an empty data directory (docker-entrypoint-initdb.d): lets the
# streaming replica of the compose profile `replica` (service db-replica) copy and follow this server as the database
# user, with its password. A database initialised before this file existed needs the same line once:
#   docker compose exec db sh -c 'echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"'
#   docker compose exec db psql -U peta -c 'select pg_reload_conf()'
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
