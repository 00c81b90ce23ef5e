package org.rehabnet.aftercare.partner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * rehabnet_partner_consent_refusals_total{partner, category, reason}: partner reads and writes that
 * no consent allowed. The partner is told only "not found"; the count (with the audit trail) is how
 * staff see a partner asking for what was never consented to, or still asking after a revocation.
 * An unknown patient is not a consent refusal and is not counted.
 */
@Component
class ConsentRefusals {

  private final MeterRegistry registry;

  ConsentRefusals(MeterRegistry registry) {
    this.registry = registry;
  }

  void refused(String partnerOrg, DataCategory category, ConsentDecision decision) {
    if (decision.refusal() == null || decision.refusal() == ConsentDecision.Refusal.UNKNOWN_PATIENT) {
      return;
    }
    Counter.builder("rehabnet.partner.consent.refusals")
        .description("Partner API disclosures refused for want of a consent, by reason")
        .tag("partner", partnerOrg)
        .tag("category", category.name())
        .tag("reason", decision.refusal().name())
        .register(registry)
        .increment();
  }
}
