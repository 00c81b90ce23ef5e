package org.rehabnet.monitoring.medication;

/** What the nurse is told with a dose the rules allow; it blocks nothing and travels in 201 and 422 bodies. */
enum DoseWarning {
  /** Buprenorphine after a fentanyl-positive or untested screen: precipitated withdrawal is more likely. */
  PRECIPITATED_WITHDRAWAL_RISK,
  /** An opioid or sedative with benzodiazepine use: respiratory depression is more likely. */
  BENZODIAZEPINE_RESPIRATORY_RISK,
  /** Naloxone given at another dose or route than ordered: recorded, never refused. */
  NALOXONE_NOT_AS_ORDERED,
  /** Naloxone charted against a stopped order: recorded, never refused. */
  NALOXONE_ORDER_NOT_ACTIVE
}
