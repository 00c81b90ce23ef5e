package org.rehabnet.monitoring.medication;

/** What the ward gives during detox: the two opioid agonists, symptomatic drugs and naloxone. */
enum Drug {
  BUPRENORPHINE(true),
  METHADONE(true),
  CLONIDINE(false),
  LOFEXIDINE(false),
  LOPERAMIDE(false),
  ONDANSETRON(false),
  ZOPICLONE(false),
  TRAZODONE(false),
  /** Opioid antagonist for overdose: never blocked by a dosing rule. */
  NALOXONE(false);

  private final boolean opioidAgonist;

  Drug(boolean opioidAgonist) {
    this.opioidAgonist = opioidAgonist;
  }

  boolean opioidAgonist() {
    return opioidAgonist;
  }
}
