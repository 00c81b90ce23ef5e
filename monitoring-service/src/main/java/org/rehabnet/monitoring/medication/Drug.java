package org.rehabnet.monitoring.medication;

/** What the ward gives during detox, by the kind of safety rules each needs. */
enum Drug {
  BUPRENORPHINE(Kind.OPIOID_AGONIST),
  METHADONE(Kind.OPIOID_AGONIST),
  /** Alpha-2 agonists for withdrawal symptoms: they lower blood pressure and pulse. */
  CLONIDINE(Kind.ALPHA2_AGONIST),
  LOFEXIDINE(Kind.ALPHA2_AGONIST),
  LOPERAMIDE(Kind.SYMPTOMATIC),
  ONDANSETRON(Kind.SYMPTOMATIC),
  /** Sleep aids: sedating, so held like opioids (docs/clinical-rules.md, "Sedatives and adjuncts"). */
  ZOPICLONE(Kind.SEDATIVE),
  TRAZODONE(Kind.SEDATIVE),
  /** Opioid antagonist for overdose: never blocked by a dosing rule. */
  NALOXONE(Kind.ANTAGONIST);

  /** The families of rules: holds and limits follow the kind, not the single drug. */
  enum Kind {
    OPIOID_AGONIST,
    SEDATIVE,
    ALPHA2_AGONIST,
    SYMPTOMATIC,
    ANTAGONIST
  }

  private final Kind kind;

  Drug(Kind kind) {
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  boolean opioidAgonist() {
    return kind == Kind.OPIOID_AGONIST;
  }
}
