package org.rehabnet.aftercare.contingency;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** One ledger per plan. */
interface ContingencyLedgers extends ListCrudRepository<ContingencyLedger, UUID> {}
