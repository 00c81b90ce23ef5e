-- Run once by the postgres image on an empty data volume (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d). One login role and one database per service, as ./rehabnet up
-- creates them: each service owns its database, and no other service's role may connect to it.
-- The passwords are development values; a real deployment injects its own.

CREATE ROLE intake LOGIN PASSWORD 'intake-dev';
CREATE DATABASE intake OWNER intake ENCODING 'UTF8';
REVOKE CONNECT, TEMPORARY ON DATABASE intake FROM PUBLIC;

CREATE ROLE monitoring LOGIN PASSWORD 'monitoring-dev';
CREATE DATABASE monitoring OWNER monitoring ENCODING 'UTF8';
REVOKE CONNECT, TEMPORARY ON DATABASE monitoring FROM PUBLIC;

CREATE ROLE aftercare LOGIN PASSWORD 'aftercare-dev';
CREATE DATABASE aftercare OWNER aftercare ENCODING 'UTF8';
REVOKE CONNECT, TEMPORARY ON DATABASE aftercare FROM PUBLIC;
