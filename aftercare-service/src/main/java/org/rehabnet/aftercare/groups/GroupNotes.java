package org.rehabnet.aftercare.groups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Group notes, apart from counselling notes. */
interface GroupNotes extends ListCrudRepository<GroupNote, UUID> {

  // Keyset pages of a time window (docs/api.md, "Paging"), oldest first by when each was written;
  // the index (session_id, written_at, id) serves all three.
  @Query("SELECT * FROM group_note WHERE session_id = :sessionId AND written_at >= :from AND written_at <= :to "
      + "ORDER BY written_at, id LIMIT :rows")
  List<GroupNote> firstPage(UUID sessionId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM group_note WHERE session_id = :sessionId AND written_at >= :from AND written_at <= :to "
      + "AND (written_at, id) > (:afterAt, :afterId) ORDER BY written_at, id LIMIT :rows")
  List<GroupNote> pageAfter(UUID sessionId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM group_note WHERE session_id = :sessionId AND written_at >= :from "
      + "AND written_at <= :to")
  long countInWindow(UUID sessionId, Instant from, Instant to);
}
