package org.rehabnet.portal.web;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.springframework.stereotype.Component;

/** Each site's name and time zone, as intake announces them (charts tell time in the site's zone). */
@Component
public class Sites {

  private final Gateway gateway;
  private final Map<String, Map<String, Object>> known = new ConcurrentHashMap<>();

  Sites(Gateway gateway) {
    this.gateway = gateway;
  }

  public ZoneId zone(String site) {
    Object zone = describe(site).get("timeZone");
    return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone.toString());
  }

  public String name(String site) {
    Object name = describe(site).get("name");
    return name == null ? site : name.toString();
  }

  private Map<String, Object> describe(String site) {
    Map<String, Object> described = known.get(site);
    if (described == null) {
      try {
        for (Map<String, Object> one : gateway.list("/api/intake/v1/sites")) {
          known.put(String.valueOf(one.get("code")), one);
        }
      } catch (GatewayProblem e) {
        return Map.of();
      }
      described = known.getOrDefault(site, Map.of());
    }
    return described;
  }
}
