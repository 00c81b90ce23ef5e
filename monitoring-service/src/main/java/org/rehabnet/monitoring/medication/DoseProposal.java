package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.site.SitePolicy;

/**
 * Everything the dosing rules read about one proposed dose: what the nurse gives, the order it is
 * given against, the site's policy (null when intake has not announced the site), the earlier doses
 * of the same drug on this episode, and what is charted at the bedside.
 */
record DoseProposal(
    Drug drug,
    BigDecimal doseMg,
    Route route,
    Instant at,
    @Nullable SitePolicy site,
    OrderTerms order,
    List<Given> earlier,
    Bedside bedside,
    Instant latestPossibleShortActingUse,
    boolean fentanylExposure,
    boolean benzodiazepineRisk) {

  DoseProposal {
    earlier = List.copyOf(earlier);
  }

  /**
   * What the physician ordered: a fixed dose, or a PRN range {@code doseMinMg..doseMaxMg}; a
   * buprenorphine order may carry a documented day-1 maximum (12-16 mg) where the site allows it.
   */
  record OrderTerms(Drug drug, @Nullable BigDecimal doseMg, @Nullable BigDecimal doseMinMg,
      @Nullable BigDecimal doseMaxMg, Route route, boolean active, @Nullable BigDecimal documentedDayOneMaxMg) {

    static OrderTerms fixed(Drug drug, String mg, Route route) {
      return new OrderTerms(drug, new BigDecimal(mg), null, null, route, true, null);
    }

    static OrderTerms range(Drug drug, String minMg, String maxMg, Route route) {
      return new OrderTerms(drug, null, new BigDecimal(minMg), new BigDecimal(maxMg), route, true, null);
    }

    boolean allows(BigDecimal mg) {
      if (doseMg != null) {
        return doseMg.compareTo(mg) == 0;
      }
      return doseMinMg != null && doseMaxMg != null && doseMinMg.compareTo(mg) <= 0 && doseMaxMg.compareTo(mg) >= 0;
    }
  }

  /** An earlier dose of the same drug on the episode. */
  record Given(Instant at, BigDecimal doseMg) {}

  /**
   * The latest bedside observations with their times (null: never charted on this episode).
   *
   * @param spo2Scale2 the physician set NEWS2 SpO2 scale 2 (documented hypercapnic respiratory failure)
   */
  record Bedside(@Nullable Instant vitalsAt, @Nullable Integer respirationRate, @Nullable Integer spo2,
      @Nullable Integer systolic, @Nullable Integer pulse, boolean spo2Scale2, @Nullable Instant possAt,
      @Nullable Integer possLevel, @Nullable Instant cowsAt, @Nullable Integer cowsTotal) {

    static final Bedside NOTHING_CHARTED = new Bedside(null, null, null, null, null, false, null, null, null, null);
  }
}
