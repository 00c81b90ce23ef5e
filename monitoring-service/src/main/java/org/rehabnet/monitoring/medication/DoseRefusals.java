package org.rehabnet.monitoring.medication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts the doses and orders the safety rules refused, by the rule named in the 422 problem
 * ({@code rehabnet_dose_refusals_total{rule, stage}}): a clinical-safety dashboard shows which rule
 * stops nurses most, and a sudden rise (a site's settings gone wrong, observations not charted)
 * before a ward calls. Every rule starts at 0 so a rate is defined before the first refusal.
 */
@Component
class DoseRefusals {

  private final Map<DoseRule, Counter> ofOrders = new EnumMap<>(DoseRule.class);
  private final Map<DoseRule, Counter> ofAdministrations = new EnumMap<>(DoseRule.class);

  DoseRefusals(MeterRegistry registry) {
    for (DoseRule rule : DoseRule.values()) {
      ofOrders.put(rule, counter(registry, rule, "order"));
      ofAdministrations.put(rule, counter(registry, rule, "administration"));
    }
  }

  private static Counter counter(MeterRegistry registry, DoseRule rule, String stage) {
    return Counter.builder("rehabnet.dose.refusals")
        .description("Medication orders and doses refused by a safety rule (the first rule broken)")
        .tag("rule", rule.name())
        .tag("stage", stage)
        .register(registry);
  }

  void orderRefused(Verdict verdict) {
    ofOrders.get(verdict.violations().getFirst().rule()).increment();
  }

  void doseRefused(Verdict verdict) {
    ofAdministrations.get(verdict.violations().getFirst().rule()).increment();
  }
}
