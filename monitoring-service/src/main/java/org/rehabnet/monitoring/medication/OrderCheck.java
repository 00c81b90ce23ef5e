package org.rehabnet.monitoring.medication;

import java.util.List;

/**
 * What is given is what was ordered: the drug, the dose (a PRN order: within its range), the route,
 * and an order still active. A different dose needs a new order, so none of these is overridable.
 * Naloxone is only refused when charted against another drug's order: a reversal already given is
 * recorded whatever the order said, with a warning.
 */
final class OrderCheck {

  private OrderCheck() {}

  static void check(DoseProposal dose, List<Violation> violations, List<DoseWarning> warnings) {
    DoseProposal.OrderTerms order = dose.order();
    if (order.drug() != dose.drug()) {
      violations.add(new Violation(DoseRule.DRUG_NOT_AS_ORDERED, "The drug given is not the drug of the order"));
      return;
    }
    boolean sameDose = order.allows(dose.doseMg());
    boolean sameRoute = order.route() == dose.route();
    if (dose.drug() == Drug.NALOXONE) {
      if (!order.active()) {
        warnings.add(DoseWarning.NALOXONE_ORDER_NOT_ACTIVE);
      }
      if (!sameDose || !sameRoute) {
        warnings.add(DoseWarning.NALOXONE_NOT_AS_ORDERED);
      }
      return;
    }
    if (!order.active()) {
      violations.add(new Violation(DoseRule.ORDER_NOT_ACTIVE, "The order is stopped: no more doses against it"));
    }
    if (!sameRoute) {
      violations.add(new Violation(DoseRule.ROUTE_NOT_AS_ORDERED, "The order is for the " + order.route()
          + " route"));
    }
    if (!sameDose) {
      violations.add(new Violation(DoseRule.DOSE_NOT_AS_ORDERED, order.doseMg() != null
          ? "The order is for " + order.doseMg().toPlainString() + " mg; a different dose needs a new order"
          : "The order allows " + order.doseMinMg().toPlainString() + "-" + order.doseMaxMg().toPlainString()
              + " mg; a different dose needs a new order"));
    }
  }
}
