package org.rehabnet.intake.safety;

import java.util.List;

/** One page of a site's intake safety alerts, open ones first; {@code openItems} counts every open one. */
record SafetyAlertPage(List<SafetyAlertView> items, int page, int size, long totalItems, long openItems) {}
