package org.rehabnet.platform.events.clinical;

/** How a substance is taken. */
public enum RouteOfUse {
  INJECTED,
  SMOKED,
  SNORTED,
  ORAL,
  OTHER
}
