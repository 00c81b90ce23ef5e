package org.rehabnet.test.infra;

/** Where a service's own database is, and the login that owns it. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

  @Override
  public String toString() {
    return "DatabaseCoordinates[" + jdbcUrl + ", " + username + "]";
  }
}
