package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response shapes of orders and the MAR. */
final class MedicationViews {

  record OrderView(UUID orderId, UUID episodeId, Drug drug, @Nullable BigDecimal doseMg,
      @Nullable BigDecimal doseMinMg, @Nullable BigDecimal doseMaxMg, Route route,
      @Nullable BigDecimal documentedDayOneMaxMg, MedicationOrder.Status status, String orderedBy, Instant orderedAt,
      @Nullable Long version) {

    static OrderView of(MedicationOrder order) {
      return new OrderView(order.id(), order.episodeId(), order.drug(), order.doseMg(), order.doseMinMg(),
          order.doseMaxMg(), order.route(), order.documentedDayOneMaxMg(), order.status(), order.orderedBy(),
          order.orderedAt(), order.version());
    }
  }

  /** A MAR line; {@code overriddenRule} lists the rules a physician set aside, comma-separated. */
  record AdministrationView(UUID administrationId, UUID orderId, Drug drug, BigDecimal doseMg, @Nullable Route route,
      Instant givenAt, String givenBy, @Nullable String overriddenRule, @Nullable String overrideReason,
      List<DoseWarning> warnings, @Nullable Long siteSettingsVersion) {

    static AdministrationView of(Administration given) {
      return new AdministrationView(given.id(), given.orderId(), given.drug(), given.doseMg(), given.route(),
          given.givenAt(), given.givenBy(), given.overriddenRule(), given.overrideReason(), given.warnings(),
          given.siteSettingsSequence());
    }
  }

  private MedicationViews() {}
}
