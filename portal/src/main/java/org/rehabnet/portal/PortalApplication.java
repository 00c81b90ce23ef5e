package org.rehabnet.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The staff portal: server-rendered pages, a backend-for-frontend of the gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }
}
