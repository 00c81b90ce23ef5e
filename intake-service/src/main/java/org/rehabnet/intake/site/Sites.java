package org.rehabnet.intake.site;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clinic sites of the network. */
@Component
public class Sites {

  private final JdbcClient jdbc;

  Sites(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String code) {
    return jdbc.sql("SELECT count(*) FROM site WHERE code = :code").param("code", code)
        .query(Long.class).single() > 0;
  }
}
