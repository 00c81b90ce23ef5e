-- Issue 17 (site administration): a site's wards are records of their own, named by the site admin;
-- every bed belongs to one. The wards the seeded beds name become the first rows.
CREATE TABLE ward
(
  site TEXT NOT NULL REFERENCES site (code),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (site, code)
);
INSERT INTO ward (site, code, name)
SELECT DISTINCT site, ward, 'Ward ' || ward FROM bed;
ALTER TABLE bed ADD CONSTRAINT bed_in_a_ward FOREIGN KEY (site, ward) REFERENCES ward (site, code);
