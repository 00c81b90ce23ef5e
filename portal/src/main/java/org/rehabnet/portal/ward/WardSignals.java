package org.rehabnet.portal.ward;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Something changed on this ward": fed by the alert, episode and admission events, sent to the
 * browsers watching that site's census as a Server-Sent Event named {@code census}. The signal carries
 * no patient data, not even an id: the page refetches the census through the normal, authorized path.
 * Each portal instance reads every event in its own consumer group (a random group per start).
 */
@Component
class WardSignals {

  private static final Logger log = LoggerFactory.getLogger(WardSignals.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
  private final Map<String, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

  SseEmitter watch(String site) {
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    Set<SseEmitter> ward = watchers.computeIfAbsent(site, s -> ConcurrentHashMap.newKeySet());
    ward.add(emitter);
    emitter.onCompletion(() -> ward.remove(emitter));
    emitter.onTimeout(() -> ward.remove(emitter));
    emitter.onError(e -> ward.remove(emitter));
    return emitter;
  }

  @KafkaListener(id = "portal.ward.signals", groupId = "portal-signals-#{T(java.util.UUID).randomUUID()}",
      topics = "#{'${rehabnet.portal.ward-topics}'.split(',')}")
  void changed(ConsumerRecord<String, String> record) {
    String site = siteOf(record.value());
    if (site != null) {
      signal(site);
    }
  }

  void signal(String site) {
    Set<SseEmitter> ward = watchers.get(site);
    if (ward == null) {
      return;
    }
    for (SseEmitter emitter : ward) {
      try {
        emitter.send(SseEmitter.event().name("census").data("changed"));
      } catch (IOException | IllegalStateException gone) {
        ward.remove(emitter);
      }
    }
  }

  static String siteOf(String payload) {
    try {
      JsonNode event = JSON.readTree(payload);
      JsonNode site = event.get("site");
      return site == null || !site.isString() ? null : site.asString();
    } catch (RuntimeException notJson) {
      log.debug("an event without a readable site on a ward topic");
      return null;
    }
  }
}
