package org.rehabnet.monitoring.alert;

import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;

/**
 * Who may read an episode's chart, answered by the episode feature (which owns episodes and depends
 * on alerts, so the question is asked through this interface). An unknown episode and another site's
 * episode are the same not-found problem, so the alert list cannot tell a foreign episode exists.
 */
public interface ChartReaders {

  /** The patient and site of a readable episode; otherwise throws the not-found problem. */
  ReadableChart readable(UUID episodeId, Caller caller);

  record ReadableChart(UUID patientId, String site) {}
}
