package org.rehabnet.aftercare.relapse;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Relapse response policy: outreach within 24 h by default (clinical-reference.md, "Relapse"). */
@Validated
@ConfigurationProperties("rehabnet.aftercare.relapse")
record RelapseProperties(@DefaultValue("PT24H") @NotNull Duration outreachWithin) {

  RelapseResponse response() {
    return new RelapseResponse(outreachWithin);
  }
}
