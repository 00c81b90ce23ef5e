package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response shapes of orders and the MAR. */
final class MedicationViews {

  record OrderView(UUID orderId, UUID episodeId, Drug drug, BigDecimal doseMg, String route,
      MedicationOrder.Status status, String orderedBy, Instant orderedAt, @Nullable Long version) {

    static OrderView of(MedicationOrder order) {
      return new OrderView(order.id(), order.episodeId(), order.drug(), order.doseMg(), order.route(), order.status(),
          order.orderedBy(), order.orderedAt(), order.version());
    }
  }

  record AdministrationView(UUID administrationId, UUID orderId, Drug drug, BigDecimal doseMg, Instant givenAt,
      String givenBy, @Nullable String overriddenRule, @Nullable String overrideReason, List<String> warnings) {

    static AdministrationView of(Administration given, List<String> warnings) {
      return new AdministrationView(given.id(), given.orderId(), given.drug(), given.doseMg(), given.givenAt(),
          given.givenBy(), given.overriddenRule(), given.overrideReason(), warnings);
    }
  }

  private MedicationViews() {}
}
