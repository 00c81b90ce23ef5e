-- The beds of the two sites the network starts with. Codes are what the ward calls them.
INSERT INTO bed (id, site, ward, code, status)
SELECT gen_random_uuid(), 'north', ward, ward || '-' || lpad(n::text, 2, '0'), 'FREE'
FROM (VALUES ('A'), ('B')) AS w(ward), generate_series(1, 6) AS n;

INSERT INTO bed (id, site, ward, code, status)
SELECT gen_random_uuid(), 'south', 'S', 'S-' || lpad(n::text, 2, '0'), 'FREE'
FROM generate_series(1, 8) AS n;
