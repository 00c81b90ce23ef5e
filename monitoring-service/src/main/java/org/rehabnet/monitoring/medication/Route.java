package org.rehabnet.monitoring.medication;

/** How a drug is given; an administration's route must be the order's. */
enum Route {
  SUBLINGUAL,
  ORAL,
  INTRAMUSCULAR,
  INTRAVENOUS,
  INTRANASAL,
  TRANSDERMAL
}
