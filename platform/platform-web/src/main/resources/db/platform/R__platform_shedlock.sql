-- ShedLock (JDBC provider): one row per scheduled job, held by the instance running its tick
-- (org.rehabnet.platform.web.scheduling.OnceAcrossInstances).
CREATE TABLE IF NOT EXISTS shedlock
(
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
