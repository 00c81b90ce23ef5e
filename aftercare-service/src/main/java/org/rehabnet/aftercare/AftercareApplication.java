package org.rehabnet.aftercare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Aftercare plans, support groups, recovery check-ins and relapse re-engagement. */
@SpringBootApplication
public class AftercareApplication {

  public static void main(String[] args) {
    SpringApplication.run(AftercareApplication.class, args);
  }
}
