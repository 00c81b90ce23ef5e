package org.rehabnet.monitoring.episode;

import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The episode has ended: nothing more is charted, given or discharged on it. */
public class EpisodeAlreadyDischarged extends DomainProblem {

  EpisodeAlreadyDischarged(UUID episodeId) {
    super(ProblemType.CONFLICT, "Detox episode " + episodeId + " is discharged");
  }
}
